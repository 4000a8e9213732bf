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
import { listAuditFor } from "../audit/repository";

// POST /api/v1/tickets/:number/links and DELETE /api/v1/tickets/:number/links/:other: related tickets.
describe("related tickets", () => {
  let t: TestApp;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let stranger: MadeUser;
  let agent: string;
  let customer: string;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    fernanda = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    stranger = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    customer = await loginAs(t.app, fernanda);
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" }));
  });
  afterAll(() => t.close());

  const ticket = async (cookie: string, number: number) =>
    (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie })).json();
  const link = (cookie: string | undefined, number: number, other: unknown) =>
    call(t.app, "POST", `/api/v1/tickets/${number}/links`, { number: other }, { cookie });
  const unlink = (cookie: string | undefined, number: number, other: number | string) =>
    call(t.app, "DELETE", `/api/v1/tickets/${number}/links/${other}`, undefined, { cookie });
  const two = async () =>
    [
      await makeTicket(t.ctx, catalog, fernanda, { subject: "Lote vencido aparece disponível" }),
      await makeTicket(t.ctx, catalog, fernanda, { subject: "Bloqueio automático de lotes" }),
    ] as const;

  it("answers 401 signed out and 404 to customers, for making and undoing a link", async () => {
    const [a, b] = await two();
    expect((await link(undefined, a, b)).statusCode).toBe(401);
    expect((await unlink(undefined, a, b)).statusCode).toBe(401);
    const refused = await link(customer, a, b);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("ticket.not_found");
    expect((await ticket(customer, a)).links).toEqual([]);
    expect((await link(agent, a, b)).statusCode).toBe(201);
    expect((await unlink(customer, a, b)).statusCode).toBe(404);
    expect((await ticket(customer, a)).links).toHaveLength(1);
  });

  it("validates the other ticket: required, not itself, existing", async () => {
    const [a] = await two();
    const fields = async (other: unknown) => (await link(agent, a, other)).json().error.fields;
    expect(await fields(undefined)).toEqual({ number: "Campo obrigatório." });
    expect(await fields("abc")).toEqual({ number: "Valor inválido." });
    expect(await fields(a)).toEqual({ number: "Informe outra ocorrência, não esta." });
    expect(await fields(999_999)).toEqual({ number: "Ocorrência não encontrada." });
    expect((await link(agent, 999_998, a)).statusCode).toBe(404);
    expect((await unlink(agent, a, "abc")).statusCode).toBe(400);
  });

  it("links both ways with a public event on each, which the company's customers read", async () => {
    const [a, b] = await two();
    const before = await ticket(agent, b);
    const response = await link(agent, a, b);
    expect(response.statusCode).toBe(201);
    expect(response.json().links).toEqual([
      { number: b, subject: "Bloqueio automático de lotes", status: "open" },
    ]);

    const seenA = await ticket(customer, a);
    const seenB = await ticket(customer, b);
    expect(seenB.links).toEqual([{ number: a, subject: "Lote vencido aparece disponível", status: "open" }]);
    expect(seenA.events.at(-1)).toMatchObject({
      type: "linked",
      internal: false,
      relatedTicketNumber: b,
      fromValue: null,
      toValue: `#${b}`,
      actor: { name: "Juliana Prado" },
    });
    expect(seenB.events.at(-1)).toMatchObject({ type: "linked", relatedTicketNumber: a, toValue: `#${a}` });
    expect(seenB.version).toBe(before.version + 1);

    // Once is enough, from either side.
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const again = await link(agent, from, to);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe("Estas ocorrências já estão vinculadas.");
    }
    const rows = await t.ctx.db
      .selectFrom("ticket_link")
      .innerJoin("ticket as one", "one.id", "ticket_link.ticket_id")
      .innerJoin("ticket as other", "other.id", "ticket_link.linked_ticket_id")
      .select(["one.number as from", "other.number as to"])
      .where("one.number", "in", [a, b])
      .orderBy("one.number")
      .execute();
    expect(rows).toEqual([
      { from: a, to: b },
      { from: b, to: a },
    ]);
  });

  it("undoes a link on both sides, saying so in both histories", async () => {
    const [a, b] = await two();
    await link(agent, a, b);
    const response = await unlink(agent, b, a);
    expect(response.statusCode).toBe(200);
    expect(response.json().links).toEqual([]);
    const seenA = await ticket(customer, a);
    expect(seenA.links).toEqual([]);
    expect(seenA.events.at(-1)).toMatchObject({
      type: "linked",
      relatedTicketNumber: b,
      fromValue: `#${b}`,
      toValue: null,
    });
    const again = await unlink(agent, a, b);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("ticket.link_not_found");
    expect((await unlink(agent, a, 999_999)).statusCode).toBe(404);

    const id = (
      await t.ctx.db.selectFrom("ticket").select("id").where("number", "=", b).executeTakeFirstOrThrow()
    ).id;
    expect((await listAuditFor(t.ctx.db, "ticket", id)).map((row) => row.action)).toEqual([
      "ticket.unlinked",
    ]);
  });

  it("refuses to relate tickets of different companies, so no customer learns of another's", async () => {
    const [a] = await two();
    const foreign = await makeTicket(t.ctx, catalog, stranger);
    const refused = await link(agent, a, foreign);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: "ticket.link_other_company",
      message: "Só é possível vincular ocorrências da mesma empresa.",
    });
    expect((await ticket(agent, a)).links).toEqual([]);
    const strangerCookie = await loginAs(t.app, stranger);
    const theirs = await ticket(strangerCookie, foreign);
    expect(theirs.links).toEqual([]);
    expect(theirs.events.map((e: { type: string }) => e.type)).toEqual(["opened"]);
  });
});
