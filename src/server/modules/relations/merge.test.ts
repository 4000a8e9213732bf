import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { makeCompanyWithPlan, uploadFile } from "../../../../test/support/console";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";
import { NO_DUE } from "../sla/queue-keys";

// POST /api/v1/tickets/:number/merge: a duplicate continues in another ticket of the same company.
describe("merging a duplicate", () => {
  let t: TestApp;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let stranger: MadeUser;
  let agent: string;
  let customer: string;
  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set("2026-04-22T10:00:00-03:00");
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t);
    fernanda = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    stranger = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    customer = await loginAs(t.app, fernanda);
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" }));
  });
  afterAll(() => t.close());

  const get = (cookie: string, number: number) =>
    call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie });
  const ticket = async (cookie: string, number: number) => (await get(cookie, number)).json();
  const merge = (cookie: string | undefined, number: number, payload: unknown) =>
    call(t.app, "POST", `/api/v1/tickets/${number}/merge`, payload, { cookie });
  const pair = async () => ({
    duplicate: await makeTicket(t.ctx, catalog, fernanda, { subject: "NF não impressa (de novo)" }),
    target: await makeTicket(t.ctx, catalog, fernanda, { subject: "NF não impressa ao faturar" }),
  });

  it("answers 401 signed out and 404 to customers, even for their own tickets", async () => {
    const { duplicate, target } = await pair();
    expect((await merge(undefined, duplicate, { intoNumber: target, version: 1 })).statusCode).toBe(401);
    const refused = await merge(customer, duplicate, { intoNumber: target, version: 1 });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("ticket.not_found");
    expect((await ticket(customer, duplicate)).mergedIntoNumber).toBeNull();
  });

  it("validates the target: required, another ticket, one that exists", async () => {
    const { duplicate } = await pair();
    const fields = async (payload: unknown) => (await merge(agent, duplicate, payload)).json().error.fields;
    expect(await fields({})).toEqual({ intoNumber: "Campo obrigatório.", version: "Campo obrigatório." });
    expect(await fields({ intoNumber: duplicate, version: 1 })).toEqual({
      intoNumber: "Informe outra ocorrência, não esta.",
    });
    expect(await fields({ intoNumber: 999_999, version: 1 })).toEqual({
      intoNumber: "Ocorrência não encontrada.",
    });
    expect((await merge(agent, 999_998, { intoNumber: duplicate, version: 1 })).statusCode).toBe(404);
  });

  it("refuses a stale version (409) and changes nothing", async () => {
    const { duplicate, target } = await pair();
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${duplicate}/messages`,
      { body: "Mais um detalhe." },
      { cookie: customer },
    );
    const refused = await merge(agent, duplicate, { intoNumber: target, version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("ticket.stale_version");
    const after = await ticket(agent, duplicate);
    expect(after).toMatchObject({ status: "open", mergedIntoNumber: null });
    expect((await ticket(agent, target)).events.map((e: { type: string }) => e.type)).toEqual(["opened"]);
  });

  it("refuses tickets of different companies with a clear 422, telling neither customer anything", async () => {
    const { duplicate } = await pair();
    const foreign = await makeTicket(t.ctx, catalog, stranger);
    const refused = await merge(agent, duplicate, { intoNumber: foreign, version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: "ticket.merge_other_company",
      message: "Só é possível mesclar ocorrências da mesma empresa.",
    });
    expect((await ticket(agent, duplicate)).events).toHaveLength(1);
    expect((await ticket(agent, foreign)).events).toHaveLength(1);
  });

  it("cancels the duplicate, points it at the target and tells the customer on both tickets", async () => {
    const { duplicate, target } = await pair();
    const before = await ticket(agent, target);
    t.clock.advance(60_000);
    const response = await merge(agent, duplicate, { intoNumber: target, version: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      number: duplicate,
      status: "cancelled",
      mergedIntoNumber: target,
      version: 2,
      abilities: { reply: false, addInternalNote: false, statusTargets: [] },
    });

    // The customer reads it all: the duplicate's history kept, the target's "mesclada nesta".
    const seenDuplicate = await ticket(customer, duplicate);
    expect(seenDuplicate.mergedIntoNumber).toBe(target);
    expect(seenDuplicate.abilities.reply).toBe(false);
    expect(seenDuplicate.events).toMatchObject([
      { type: "opened" },
      { type: "merged", internal: false, relatedTicketNumber: target, actor: { name: "Juliana Prado" } },
      { type: "status_changed", fromStatus: "open", toStatus: "cancelled" },
    ]);
    const seenTarget = await ticket(customer, target);
    expect(seenTarget.events.at(-1)).toMatchObject({
      type: "merged_from",
      internal: false,
      relatedTicketNumber: duplicate,
    });
    expect(seenTarget).toMatchObject({ status: "open", mergedIntoNumber: null, version: before.version + 1 });
    expect(seenTarget.abilities.reply).toBe(true);

    // The duplicate's clocks stopped: nothing of it is due any more.
    const clocks = await t.ctx.db
      .selectFrom("sla_clock")
      .innerJoin("ticket", "ticket.id", "sla_clock.ticket_id")
      .select(["sla_clock.stopped_at", "sla_clock.met_at", "ticket.queue_due_at"])
      .where("ticket.number", "=", duplicate)
      .execute();
    expect(clocks.length).toBeGreaterThan(0);
    for (const clock of clocks) {
      expect(clock.stopped_at).toBe(t.clock.now());
      expect(clock.queue_due_at).toBe(NO_DUE);
    }
  });

  it("refuses replies, calls and changes on a merged ticket, pointing to the one that continues", async () => {
    const { duplicate, target } = await pair();
    await merge(agent, duplicate, { intoNumber: target, version: 1 });
    const pointsToTarget = `Esta ocorrência foi mesclada na #${target}; o atendimento continua por lá.`;
    const attempts = [
      call(
        t.app,
        "POST",
        `/api/v1/tickets/${duplicate}/messages`,
        { body: "Alguma novidade?" },
        { cookie: customer },
      ),
      call(t.app, "POST", `/api/v1/tickets/${duplicate}/messages`, { body: "Resposta" }, { cookie: agent }),
      call(
        t.app,
        "POST",
        `/api/v1/tickets/${duplicate}/calls`,
        { durationMinutes: 3, summary: "Ligação" },
        { cookie: agent },
      ),
      call(
        t.app,
        "PATCH",
        `/api/v1/tickets/${duplicate}`,
        { version: 2, status: "in_progress" },
        { cookie: agent },
      ),
      merge(agent, duplicate, { intoNumber: target, version: 2 }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: "ticket.merged", message: pointsToTarget });
    }
    expect((await ticket(agent, duplicate)).events).toHaveLength(3);

    // Merging into a merged ticket names where that one went.
    const third = await makeTicket(t.ctx, catalog, fernanda);
    const refused = await merge(agent, third, { intoNumber: duplicate, version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(
      `A ocorrência #${duplicate} já foi mesclada na #${target}: mescle na #${target}.`,
    );
  });

  it("keeps the duplicate's files reachable under its own ticket's authorization", async () => {
    const file = await uploadFile(t, customer, "print.png");
    const duplicate = await makeTicket(t.ctx, catalog, fernanda, { attachmentIds: [file] });
    const target = await makeTicket(t.ctx, catalog, fernanda);
    await merge(agent, duplicate, { intoNumber: target, version: 1 });
    const download = (cookie: string) =>
      call(t.app, "GET", `/api/v1/attachments/${file}`, undefined, { cookie });
    expect((await download(customer)).statusCode).toBe(200);
    expect((await download(agent)).statusCode).toBe(200);
    expect((await download(await loginAs(t.app, stranger))).statusCode).toBe(404);
    expect((await ticket(customer, duplicate)).attachments.map((a: { id: string }) => a.id)).toEqual([file]);
  });

  it("merges a resolved duplicate without reopening its met deadlines", async () => {
    const { duplicate, target } = await pair();
    await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${duplicate}`,
      { version: 1, status: "resolved" },
      { cookie: agent },
    );
    const resolved = await ticket(agent, duplicate);
    const merged = (await merge(agent, duplicate, { intoNumber: target, version: resolved.version })).json();
    expect(merged).toMatchObject({ status: "cancelled", resolvedAt: null, mergedIntoNumber: target });
    const resolution = merged.sla.deadlines.find((d: { metric: string }) => d.metric === "resolution");
    expect(resolution).toMatchObject({ state: "met" });
  });

  it("shows another company's customer nothing of a merge", async () => {
    const { duplicate, target } = await pair();
    await merge(agent, duplicate, { intoNumber: target, version: 1 });
    const strangerCookie = await loginAs(t.app, stranger);
    expect((await get(strangerCookie, duplicate)).statusCode).toBe(404);
    expect((await get(strangerCookie, target)).statusCode).toBe(404);
  });
});
