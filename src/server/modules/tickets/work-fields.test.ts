// PATCH /api/v1/tickets/:number with the console's fields: category, screen, assignee and tags.
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
import type { LiveEvent } from "../../events/bus";

interface EventJson {
  type: string;
  internal: boolean;
  fromValue: string | null;
  toValue: string | null;
  actor: { name: string } | null;
  at: string;
}

describe("PATCH /api/v1/tickets/:number — category, screen, assignee, tags", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customerUser: MadeUser;
  let juliana: MadeUser;
  let marcos: MadeUser;
  let cookies: { customer: string; juliana: string; marcos: string; english: string };
  const live: LiveEvent[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx, { name: "Metalúrgica Paulista" });
    customerUser = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    juliana = await makeUser(t.ctx, "agent", { name: "Juliana Prado" });
    marcos = await makeUser(t.ctx, "agent", { name: "Marcos Teixeira" });
    cookies = {
      customer: await loginAs(t.app, customerUser),
      juliana: await loginAs(t.app, juliana),
      marcos: await loginAs(t.app, marcos),
      english: await loginAs(t.app, await makeUser(t.ctx, "supervisor", { locale: "en" })),
    };
    await t.ctx.live.ready();
    t.ctx.live.subscribe((event) => live.push(event));
  });
  afterAll(() => t.close());

  const get = async (cookie: string, number: number) =>
    (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie })).json();
  const patch = (cookie: string, number: number, body: Record<string, unknown>) =>
    call(t.app, "PATCH", `/api/v1/tickets/${number}`, body, { cookie });
  const versionOf = async (number: number) => (await get(cookies.juliana, number)).version as number;
  const notificationsOf = (userId: string) =>
    t.ctx.db
      .selectFrom("notification")
      .select(["type", "ticket_id"])
      .where("recipient_id", "=", userId)
      .execute();
  /** Live events arrive after commit (through NOTIFY on PostgreSQL): wait for the one expected. */
  const liveEvent = async (match: (event: LiveEvent) => boolean) => {
    for (let i = 0; i < 100; i += 1) {
      const found = live.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the live event never came");
  };

  it("changes the category and the screen, each a public history event with readable values", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    t.clock.advance(60_000);
    const response = await patch(cookies.juliana, number, {
      version: 1,
      categoryId: catalog.otherCategoryId,
      screenCode: "fis0001",
    });
    expect(response.statusCode).toBe(200);
    const ticket = response.json();
    expect(ticket).toMatchObject({
      version: 2,
      categoryId: catalog.otherCategoryId,
      categoryName: "Financeiro",
      screenCode: "FIS0001",
      screenName: "Emissão de NF-e",
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    const changes = ticket.events.slice(-2);
    expect(changes).toEqual([
      expect.objectContaining({
        type: "category_changed",
        internal: false,
        fromValue: "Fiscal",
        toValue: "Financeiro",
        actor: { id: juliana.id, name: "Juliana Prado", staff: true },
        at: new Date(t.clock.now()).toISOString(),
      }),
      expect.objectContaining({
        type: "screen_changed",
        internal: false,
        fromValue: "ATW0001 – Atendimento ao Cliente",
        toValue: "FIS0001 – Emissão de NF-e",
      }),
    ]);
    // The customer reads both changes in the history.
    const seen = await get(cookies.customer, number);
    expect(seen.events.map((e: EventJson) => e.type)).toEqual([
      "opened",
      "category_changed",
      "screen_changed",
    ]);
    // The new screen code finds the ticket.
    const found = await call(t.app, "GET", "/api/v1/tickets", undefined, {
      cookie: cookies.customer,
      query: { q: "FIS0001" },
    });
    expect(found.json().items.map((i: { number: number }) => i.number)).toContain(number);
    const row = await t.ctx.db
      .selectFrom("ticket_event")
      .select(["type", "ticket_version", "field"])
      .where("ticket_id", "=", (await ticketRow(number)).id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(row).toEqual([
      { type: "opened", ticket_version: 1, field: null },
      { type: "category_changed", ticket_version: 2, field: "category" },
      { type: "screen_changed", ticket_version: 2, field: "screen" },
    ]);
  });

  const ticketRow = (number: number) =>
    t.ctx.db.selectFrom("ticket").selectAll().where("number", "=", number).executeTakeFirstOrThrow();

  it("assigns to an active colleague: an internal event, a notification for them, staff-only live data", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    const before = await ticketRow(number);
    t.clock.advance(60_000);
    live.length = 0;
    const response = await patch(cookies.juliana, number, { version: 1, assigneeId: marcos.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: 2,
      assignee: { id: marcos.id, name: "Marcos Teixeira" },
    });
    expect(response.json().events.at(-1)).toMatchObject({
      type: "assigned",
      internal: true,
      fromValue: null,
      toValue: "Marcos Teixeira",
      actor: { name: "Juliana Prado" },
    });
    // Assignment is the team's business: the customer's list does not move for it.
    expect((await ticketRow(number)).updated_at).toBe(before.updated_at);
    const ticketId = before.id;
    expect(await notificationsOf(marcos.id)).toEqual([{ type: "ticket_assigned", ticket_id: ticketId }]);
    expect(await notificationsOf(juliana.id)).toEqual([]);

    const staffEvent = await liveEvent((e) => e.type === "ticket.updated" && e.data.ticketNumber === number);
    expect(staffEvent.audience).toEqual({ kind: "staff" });
    expect(staffEvent.data).toMatchObject({ assigneeId: marcos.id });
    const bell = await liveEvent((e) => e.type === "notification");
    expect(bell.audience).toEqual({ kind: "user", userId: marcos.id });
    // Nothing about it reached the company's audience.
    expect(live.filter((e) => e.audience.kind === "company" && e.type !== "ticket.created")).toEqual([]);

    // The customer sees who is in charge, never the assignment events.
    const seen = await get(cookies.customer, number);
    expect(seen.assignee).toEqual({ id: marcos.id, name: "Marcos Teixeira" });
    expect(seen.events.map((e: EventJson) => e.type)).toEqual(["opened"]);
    expect(JSON.stringify(seen)).not.toContain('"assigned"');

    // Marcos takes it for himself from Juliana: no notification for assigning oneself.
    t.clock.advance(60_000);
    const self = await patch(cookies.marcos, number, { version: 2, assigneeId: marcos.id });
    expect(self.json().version).toBe(2); // no change, no new version
    const juliana2 = await patch(cookies.marcos, number, { version: 2, assigneeId: juliana.id });
    expect(juliana2.json().events.at(-1)).toMatchObject({
      type: "assigned",
      fromValue: "Marcos Teixeira",
      toValue: "Juliana Prado",
    });
    expect(await notificationsOf(juliana.id)).toEqual([{ type: "ticket_assigned", ticket_id: ticketId }]);
    const back = await patch(cookies.marcos, number, { version: 3, assigneeId: marcos.id });
    expect(back.statusCode).toBe(200);
    expect(await notificationsOf(marcos.id)).toHaveLength(1); // still only Juliana's assignment
    const unassigned = await patch(cookies.marcos, number, { version: 4, assigneeId: null });
    expect(unassigned.json()).toMatchObject({ version: 5, assignee: null });
    expect(unassigned.json().events.at(-1)).toMatchObject({
      type: "assigned",
      fromValue: "Marcos Teixeira",
      toValue: null,
    });
  });

  it("replaces the tags with a clean set; tags and their events stay with the team", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    const response = await patch(cookies.juliana, number, {
      version: 1,
      tags: [" NFe ", "cliente-vip", "nfe", "sefaz-rejeicao"],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().tags).toEqual(["cliente-vip", "nfe", "sefaz-rejeicao"]);
    expect(response.json().events.at(-1)).toMatchObject({
      type: "tags_changed",
      internal: true,
      fromValue: null,
      toValue: "cliente-vip, nfe, sefaz-rejeicao",
    });
    const same = await patch(cookies.juliana, number, {
      version: 2,
      tags: ["sefaz-rejeicao", "nfe", "cliente-vip"],
    });
    expect(same.json().version).toBe(2);
    const fewer = await patch(cookies.juliana, number, { version: 2, tags: ["nfe"] });
    expect(fewer.json()).toMatchObject({ version: 3, tags: ["nfe"] });
    expect(fewer.json().events.at(-1)).toMatchObject({
      fromValue: "cliente-vip, nfe, sefaz-rejeicao",
      toValue: "nfe",
    });
    const none = await patch(cookies.juliana, number, { version: 3, tags: [] });
    expect(none.json()).toMatchObject({ version: 4, tags: [] });
    expect(none.json().events.at(-1)).toMatchObject({ fromValue: "nfe", toValue: null });
    await patch(cookies.juliana, number, { version: 4, tags: ["cliente-vip"] });

    const rows = await t.ctx.db
      .selectFrom("ticket_tag")
      .select("tag")
      .where("ticket_id", "=", (await ticketRow(number)).id)
      .execute();
    expect(rows).toEqual([{ tag: "cliente-vip" }]);
    const seen = await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, {
      cookie: cookies.customer,
    });
    expect(seen.json().tags).toEqual([]);
    expect(seen.body).not.toContain("cliente-vip");
    expect(seen.json().events.map((e: EventJson) => e.type)).toEqual(["opened"]);
  });

  it("refuses unknown categories, screens and assignees and bad tags, per field, changing nothing", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    const fieldsOf = async (cookie: string, body: Record<string, unknown>) => {
      const response = await patch(cookie, number, { version: 1, ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      return response.json().error.fields;
    };
    const missing = "0195f3a4-1d2e-7000-8000-000000000000";
    expect(await fieldsOf(cookies.juliana, { categoryId: missing })).toEqual({
      categoryId: "Categoria não encontrada.",
    });
    expect(await fieldsOf(cookies.juliana, { screenCode: "XYZ9999" })).toEqual({
      screenCode: "Tela não encontrada no catálogo.",
    });
    expect(await fieldsOf(cookies.juliana, { screenCode: "tela 1" })).toEqual({
      screenCode: "Código de tela inválido: três letras e quatro dígitos, como ATW0001.",
    });
    expect(await fieldsOf(cookies.juliana, { assigneeId: missing })).toEqual({
      assigneeId: "Atendente não encontrado ou inativo na equipe de suporte.",
    });
    // A customer is no assignee, nor is a disabled colleague.
    expect(await fieldsOf(cookies.juliana, { assigneeId: customerUser.id })).toHaveProperty("assigneeId");
    const gone = await makeUser(t.ctx, "agent");
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("id", "=", gone.id).execute();
    expect(await fieldsOf(cookies.juliana, { assigneeId: gone.id })).toHaveProperty("assigneeId");
    expect(await fieldsOf(cookies.english, { tags: ["nota fiscal"] })).toEqual({
      "tags.0": "Invalid tag: use lower-case letters, digits and hyphens (up to 30).",
    });
    expect(await fieldsOf(cookies.juliana, { tags: ["ok", "a".repeat(31)] })).toEqual({
      "tags.1": "Deve ter no máximo 30 caracteres.",
    });
    expect(await fieldsOf(cookies.juliana, { tags: [""] })).toHaveProperty(["tags.0"]);
    expect(await fieldsOf(cookies.juliana, { tags: ["fiscal/nfe"] })).toHaveProperty(["tags.0"]);
    const eleven = Array.from({ length: 11 }, (_, i) => `tag-${i}`);
    expect(await fieldsOf(cookies.juliana, { tags: eleven })).toEqual({
      tags: "Informe no máximo 10 itens.",
    });
    // A valid change alongside an invalid one is refused whole.
    expect(await fieldsOf(cookies.juliana, { priority: "high", assigneeId: missing })).toHaveProperty(
      "assigneeId",
    );
    const ticket = await get(cookies.juliana, number);
    expect(ticket).toMatchObject({ version: 1, priority: "normal", assignee: null, tags: [] });
  });

  it("answers a customer 404 (their own ticket: 403), and the signed-out 401", async () => {
    const number = await makeTicket(t.ctx, catalog, customerUser);
    const other = await loginAs(t.app, await makeUser(t.ctx, "customer"));
    expect((await patch(other, number, { version: 1, tags: ["x"] })).statusCode).toBe(404);
    expect((await patch(cookies.customer, number, { version: 1, assigneeId: juliana.id })).statusCode).toBe(
      403,
    );
    expect(
      (await call(t.app, "PATCH", `/api/v1/tickets/${number}`, { version: 1, tags: [] })).statusCode,
    ).toBe(401);
    expect(await versionOf(number)).toBe(1);
  });
});
