// A stale update is refused with 409 and told what changed since the version it carried.
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

describe("409 on a stale ticket update", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customerUser: MadeUser;
  let carlos: MadeUser;
  let cookies: { customer: string; juliana: string; carlos: string; english: string };

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    customerUser = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    carlos = await makeUser(t.ctx, "supervisor", { name: "Carlos Menezes" });
    cookies = {
      customer: await loginAs(t.app, customerUser),
      juliana: await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" })),
      carlos: await loginAs(t.app, carlos),
      english: await loginAs(t.app, await makeUser(t.ctx, "agent", { locale: "en" })),
    };
  });
  afterAll(() => t.close());

  const patch = (cookie: string, number: number, body: Record<string, unknown>) =>
    call(t.app, "PATCH", `/api/v1/tickets/${number}`, body, { cookie });
  const say = (cookie: string, number: number, body: Record<string, unknown>) =>
    call(t.app, "POST", `/api/v1/tickets/${number}/messages`, body, { cookie });

  it("lists every change after the version the agent saw, by whom and when, oldest first", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    // Juliana opened the ticket at version 1; meanwhile Carlos and the customer act.
    t.clock.advance(60_000);
    const statusAt = new Date(t.clock.now()).toISOString();
    expect((await patch(cookies.carlos, number, { version: 1, status: "in_progress" })).statusCode).toBe(200);
    t.clock.advance(60_000);
    await patch(cookies.carlos, number, { version: 2, priority: "high", tags: ["nfe"] });
    t.clock.advance(60_000);
    await say(cookies.carlos, number, { body: "Cliente antigo; contrato xyzzy", internal: true });
    t.clock.advance(60_000);
    await say(cookies.customer, number, { body: "Segue o print da tela." });

    const refused = await patch(cookies.juliana, number, { version: 1, status: "waiting_customer" });
    expect(refused.statusCode).toBe(409);
    const { error } = refused.json();
    expect(error.code).toBe("ticket.stale_version");
    expect(error.message).toBe("A ocorrência mudou enquanto você a via. Recarregue e tente de novo.");
    expect(error.version).toBe(5);
    expect(error.changes).toEqual([
      {
        type: "status_changed",
        at: statusAt,
        actor: { id: carlos.id, name: "Carlos Menezes", staff: true },
        internal: false,
        fromStatus: "open",
        toStatus: "in_progress",
        fromPriority: null,
        toPriority: null,
        metric: null,
        toKind: null,
        fromValue: null,
        toValue: null,
        durationMinutes: null,
        relatedTicketNumber: null,
      },
      expect.objectContaining({ type: "priority_changed", fromPriority: "normal", toPriority: "high" }),
      expect.objectContaining({ type: "tags_changed", internal: true, toValue: "nfe" }),
      expect.objectContaining({
        type: "message",
        internal: true,
        actor: expect.objectContaining({ name: "Carlos Menezes" }),
      }),
      expect.objectContaining({
        type: "message",
        internal: false,
        actor: expect.objectContaining({ name: "Fernanda Lima", staff: false }),
      }),
    ]);
    // Changes, not texts: no message body travels in a 409.
    expect(refused.body).not.toContain("xyzzy");
    expect(refused.body).not.toContain("print");

    // From a version in the middle, only what came after it.
    const fromThree = (await patch(cookies.english, number, { version: 3, priority: "low" })).json().error;
    expect(fromThree.message).toBe("The ticket changed while you were looking at it. Reload and try again.");
    expect(fromThree.changes.map((c: { type: string }) => c.type)).toEqual(["message", "message"]);

    // Nothing was applied; with the current version the same change goes through.
    const ticket = (
      await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: cookies.juliana })
    ).json();
    expect(ticket).toMatchObject({ version: 5, status: "in_progress", priority: "high" });
    const retried = await patch(cookies.juliana, number, { version: 5, status: "waiting_customer" });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().version).toBe(6);
  });

  it("stamps the events of every command with the version it produced", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    await say(cookies.juliana, number, { body: "Estamos verificando." }); // message + status: version 2
    await say(cookies.juliana, number, { body: "nota", internal: true }); // version 3
    await patch(cookies.juliana, number, {
      version: 3,
      assigneeId: carlos.id,
      categoryId: catalog.otherCategoryId,
    });
    const rows = await t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select(["ticket_event.type", "ticket_event.ticket_version"])
      .where("ticket.number", "=", number)
      .orderBy("ticket_event.created_at")
      .orderBy("ticket_event.id")
      .execute();
    expect(rows.map((r) => [r.type, r.ticket_version])).toEqual([
      ["opened", 1],
      ["message", 2],
      ["status_changed", 2],
      ["message", 3],
      ["category_changed", 4],
      ["assigned", 4],
    ]);
    const version = await t.ctx.db
      .selectFrom("ticket")
      .select("version")
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    expect(version.version).toBe(4);
  });
});
