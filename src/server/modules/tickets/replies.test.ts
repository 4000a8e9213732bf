import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";

const DAY = 86_400_000;

describe("the history and the “Resposta” box", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customerUser: MadeUser;
  let customer: string;
  let agent: string;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    customerUser = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" }));
  });
  afterAll(() => t.close());

  // The clock moves by days in some tests: sign in afresh for each.
  const freshTicket = async () => {
    customer = await loginAs(t.app, customerUser);
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" }));
    return makeTicket(t.ctx, catalog, customerUser);
  };
  const get = async (cookie: string, number: number) =>
    (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie })).json();
  const say = (cookie: string, number: number, body: Record<string, unknown>) =>
    call(t.app, "POST", `/api/v1/tickets/${number}/messages`, body, { cookie });
  const patch = (cookie: string, number: number, body: Record<string, unknown>) =>
    call(t.app, "PATCH", `/api/v1/tickets/${number}`, body, { cookie });

  it("a public staff reply takes the ticket into work; the customer reads it, with who and when", async () => {
    const number = await freshTicket();
    t.clock.advance(60_000);
    const reply = await say(agent, number, { body: "Olá, Fernanda! Pode nos enviar o **print** da tela?" });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().status).toBe("in_progress");

    const seen = await get(customer, number);
    expect(seen.events.map((e: { type: string }) => e.type)).toEqual(["opened", "message", "status_changed"]);
    expect(seen.events[1]).toMatchObject({
      actor: { name: "Juliana Prado", staff: true },
      internal: false,
      bodyHtml: "<p>Olá, Fernanda! Pode nos enviar o <strong>print</strong> da tela?</p>",
      at: new Date(t.clock.now()).toISOString(),
    });
    expect(seen.events[2]).toMatchObject({ fromStatus: "open", toStatus: "in_progress" });
  });

  it("internal notes never reach the customer: not in the ticket, not in the list, not in search", async () => {
    const number = await freshTicket();
    const note = await say(agent, number, {
      body: "Cliente inadimplente; verificar contrato xyzzy",
      internal: true,
    });
    expect(note.statusCode).toBe(201);
    expect(note.json().events.at(-1)).toMatchObject({ internal: true });
    expect(note.json().status).toBe("open"); // a note changes nothing the customer sees

    const detail = await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: customer });
    expect(detail.body).not.toContain("xyzzy");
    expect(detail.body).not.toContain("inadimplente");
    expect(detail.json().events.map((e: { type: string }) => e.type)).toEqual(["opened"]);
    const search = await call(t.app, "GET", "/api/v1/tickets", undefined, {
      cookie: customer,
      query: { q: "xyzzy" },
    });
    expect(search.json().items).toEqual([]);
    const staffDetail = await get(agent, number);
    expect(staffDetail.events.map((e: { internal: boolean }) => e.internal)).toEqual([false, true]);
  });

  it("a customer cannot write internal notes or change status and priority", async () => {
    const number = await freshTicket();
    expect((await say(customer, number, { body: "nota?", internal: true })).statusCode).toBe(403);
    expect((await patch(customer, number, { version: 1, status: "resolved" })).statusCode).toBe(403);
    expect((await get(customer, number)).events).toHaveLength(1);
  });

  it("answering a question (“aguardando cliente”) hands the ticket back to the team", async () => {
    const number = await freshTicket();
    const ticket = await get(agent, number);
    const waiting = await patch(agent, number, { version: ticket.version, status: "waiting_customer" });
    expect(waiting.json().status).toBe("waiting_customer");
    const answer = await say(customer, number, { body: "Segue o print solicitado." });
    expect(answer.json().status).toBe("in_progress");
    expect(answer.json().events.at(-1)).toMatchObject({
      type: "status_changed",
      fromStatus: "waiting_customer",
      toStatus: "in_progress",
    });
  });

  it("a reply within the reopen window reopens a resolved ticket", async () => {
    const number = await freshTicket();
    await patch(agent, number, { version: 1, status: "resolved" });
    expect((await get(customer, number)).reopenUntil).toBe(new Date(t.clock.now() + 7 * DAY).toISOString());
    t.clock.advance(6 * DAY);
    customer = await loginAs(t.app, customerUser);
    const reply = await say(customer, number, { body: "O problema voltou a acontecer." });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ status: "in_progress", resolvedAt: null, reopenUntil: null });
    expect(reply.json().events.at(-1)).toMatchObject({
      type: "reopened",
      fromStatus: "resolved",
      toStatus: "in_progress",
    });
  });

  it("after the window the reply is refused and a new ticket linked to the old one is opened instead", async () => {
    const number = await freshTicket();
    await patch(agent, number, { version: 1, status: "resolved" });
    t.clock.advance(7 * DAY + 60_000);
    customer = await loginAs(t.app, customerUser);
    const before = await get(customer, number);
    expect(before.abilities.reply).toBe(false);
    const reply = await say(customer, number, { body: "O problema voltou." });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe("ticket.reopen_closed");
    expect((await get(customer, number)).events).toHaveLength(before.events.length);

    const follow = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      {
        categoryId: catalog.categoryId,
        subject: "O problema voltou",
        description: "Mesmo caso da ocorrência anterior.",
        screenCode: "ATW0001",
        exampleRecord: "cliente código 100",
        priority: "normal",
        relatedTicketNumber: number,
      },
      { cookie: customer },
    );
    expect(follow.statusCode).toBe(201);
    expect(follow.json().relatedTicketNumber).toBe(number);
  });

  it("staff updates carry the version they saw: a stale one is 409, a forbidden move 422", async () => {
    const number = await freshTicket();
    const seen = await get(agent, number);
    await say(customer, number, { body: "Alguma novidade?" });
    const stale = await patch(agent, number, { version: seen.version, status: "resolved" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("ticket.stale_version");

    const current = await get(agent, number);
    const priority = await patch(agent, number, { version: current.version, priority: "urgent" });
    expect(priority.json()).toMatchObject({ priority: "urgent", version: current.version + 1 });
    expect(priority.json().events.at(-1)).toMatchObject({
      type: "priority_changed",
      fromPriority: "normal",
      toPriority: "urgent",
    });
    const resolved = await patch(agent, number, { version: current.version + 1, status: "resolved" });
    expect(resolved.json().status).toBe("resolved");
    const backwards = await patch(agent, number, {
      version: resolved.json().version,
      status: "waiting_customer",
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.code).toBe("ticket.invalid_transition");
  });

  it("an empty reply is refused with a field message", async () => {
    const number = await freshTicket();
    const response = await say(customer, number, { body: "   " });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ body: "Campo obrigatório." });
  });

  it("a cancelled ticket takes no reply", async () => {
    const number = await freshTicket();
    await patch(agent, number, { version: 1, status: "cancelled" });
    const response = await say(customer, number, { body: "Ainda preciso de ajuda." });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("ticket.cancelled");
  });
});
