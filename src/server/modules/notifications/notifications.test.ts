import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";
import type { NotificationType } from "../../../contracts/notifications";
import type { SlaMetric } from "../../../contracts/tickets";
import { newId } from "../../crypto";
import { insertNotifications } from "./repository";

const HOUR = 3_600_000;
const BASE = Date.parse("2026-04-22T13:00:00Z");

describe("/api/v1/notifications", () => {
  let t: TestApp;
  let ticket: { id: string; number: number };
  let agent: MadeUser;
  let colleague: MadeUser;
  let cookies: {
    agent: string;
    colleague: string;
    englishAgent: string;
    customer: string;
    customerAdmin: string;
  };
  /** The agent's notifications, oldest first (created 1 h apart), and the colleague's one. */
  let mine: string[];
  let theirs: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx, { name: "Metalúrgica Paulista" });
    const customer = await makeUser(t.ctx, "customer", { company });
    const number = await makeTicket(t.ctx, catalog, customer, { subject: "Erro ao gravar contato" });
    const row = await t.ctx.db
      .selectFrom("ticket")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    ticket = { id: row.id, number };
    agent = await makeUser(t.ctx, "agent");
    colleague = await makeUser(t.ctx, "supervisor");
    cookies = {
      agent: await loginAs(t.app, agent),
      colleague: await loginAs(t.app, colleague),
      englishAgent: await loginAs(t.app, await makeUser(t.ctx, "agent", { locale: "en" })),
      customer: await loginAs(t.app, customer),
      customerAdmin: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company })),
    };
    const notification = (recipientId: string, type: NotificationType, metric: SlaMetric, at: number) => ({
      id: newId(),
      recipient_id: recipientId,
      type,
      ticket_id: ticket.id,
      metric,
      created_at: at,
      read_at: null,
      actor_id: null,
    });
    const rows = [
      notification(agent.id, "sla_warning", "first_response", BASE),
      notification(agent.id, "sla_breach", "first_response", BASE + HOUR),
      notification(agent.id, "sla_warning", "resolution", BASE + 2 * HOUR),
      notification(colleague.id, "sla_warning", "first_response", BASE),
    ];
    await insertNotifications(t.ctx.db, rows);
    mine = rows.slice(0, 3).map((r) => r.id);
    theirs = rows[3]?.id ?? "";
  });
  afterAll(() => t.close());

  const get = (cookie: string, url: string, query?: Record<string, string>) =>
    call(t.app, "GET", url, undefined, { cookie, ...(query && { query }) });
  const markRead = (cookie: string, body: unknown) =>
    call(t.app, "POST", "/api/v1/notifications/read", body, { cookie });
  const unreadCount = async (cookie: string) =>
    (await get(cookie, "/api/v1/notifications/unread-count")).json().count;

  it("lists only the caller's own notifications, newest first, with the ticket they concern", async () => {
    const response = await get(cookies.agent, "/api/v1/notifications");
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((n: { id: string }) => n.id)).toEqual([...mine].reverse());
    expect(page.items[0]).toEqual({
      id: mine[2],
      type: "sla_warning",
      metric: "resolution",
      ticket: {
        number: ticket.number,
        subject: "Erro ao gravar contato",
        companyName: "Metalúrgica Paulista",
      },
      // The sweeper's alerts have no person behind them.
      actorName: null,
      createdAt: "2026-04-22T15:00:00.000Z",
      read: false,
    });
    const theirPage = (await get(cookies.colleague, "/api/v1/notifications")).json();
    expect(theirPage.items.map((n: { id: string }) => n.id)).toEqual([theirs]);
    expect((await get(cookies.englishAgent, "/api/v1/notifications")).json().items).toEqual([]);
  });

  it("pages with a keyset cursor", async () => {
    const first = (await get(cookies.agent, "/api/v1/notifications", { limit: "2" })).json();
    expect(first.items.map((n: { id: string }) => n.id)).toEqual([mine[2], mine[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await get(cookies.agent, "/api/v1/notifications", { limit: "2", cursor: first.nextCursor })
    ).json();
    expect(second.items.map((n: { id: string }) => n.id)).toEqual([mine[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it("marks the caller's own notifications read by id; another person's ids change nothing", async () => {
    expect(await unreadCount(cookies.agent)).toBe(3);
    expect(await unreadCount(cookies.colleague)).toBe(1);
    t.clock.set("2026-04-22T14:00:00Z"); // an hour after signing in: the sessions stay fresh
    const response = await markRead(cookies.agent, { ids: [mine[0], theirs] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ marked: 1, unreadCount: 2 });
    // Again: already read, nothing changes.
    expect((await markRead(cookies.agent, { ids: [mine[0]] })).json()).toEqual({ marked: 0, unreadCount: 2 });
    expect(await unreadCount(cookies.colleague)).toBe(1);
    const colleagues = (await get(cookies.colleague, "/api/v1/notifications")).json().items;
    expect(colleagues).toEqual([expect.objectContaining({ id: theirs, read: false })]);

    const all = (await get(cookies.agent, "/api/v1/notifications")).json().items;
    expect(all.map((n: { read: boolean }) => n.read)).toEqual([false, false, true]);
    const unread = (await get(cookies.agent, "/api/v1/notifications", { unread: "true" })).json().items;
    expect(unread.map((n: { id: string }) => n.id)).toEqual([mine[2], mine[1]]);
    const read = await t.ctx.db
      .selectFrom("notification")
      .select("read_at")
      .where("id", "=", mine[0] ?? "")
      .executeTakeFirst();
    expect(read?.read_at).toBe(Date.parse("2026-04-22T14:00:00Z"));
  });

  it("marks all of the caller's notifications read, and only theirs", async () => {
    expect((await markRead(cookies.agent, { all: true })).json()).toEqual({ marked: 2, unreadCount: 0 });
    expect(await unreadCount(cookies.agent)).toBe(0);
    expect((await get(cookies.agent, "/api/v1/notifications", { unread: "true" })).json().items).toEqual([]);
    expect(await unreadCount(cookies.colleague)).toBe(1);
  });

  it("answers customers 404 on every route, even with bad input, and the signed-out 401", async () => {
    const requests = [
      ["GET", "/api/v1/notifications", undefined],
      ["GET", "/api/v1/notifications?limit=0", undefined],
      ["GET", "/api/v1/notifications/unread-count", undefined],
      ["POST", "/api/v1/notifications/read", { all: true }],
      ["POST", "/api/v1/notifications/read", { ids: [theirs] }],
      ["POST", "/api/v1/notifications/read", {}],
    ] as const;
    for (const who of [cookies.customer, cookies.customerAdmin]) {
      for (const [method, url, body] of requests) {
        const response = await call(t.app, method, url, body, { cookie: who });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json().error.code).toBe("not_found");
      }
    }
    for (const [method, url, body] of requests) {
      expect((await call(t.app, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect(await unreadCount(cookies.colleague)).toBe(1);
  });

  it("refuses bad input with per-field messages in the caller's language", async () => {
    const fieldsOf = async (response: Awaited<ReturnType<typeof call>>) => {
      expect(response.statusCode).toBe(400);
      return response.json().error.fields;
    };
    expect(await fieldsOf(await markRead(cookies.agent, {}))).toEqual({
      ids: "Informe quais notificações marcar (ids) ou todas (all), não as duas.",
    });
    expect(await fieldsOf(await markRead(cookies.englishAgent, { ids: [theirs], all: true }))).toEqual({
      ids: "Give the notifications to mark (ids) or all of them (all), not both.",
    });
    expect(await fieldsOf(await markRead(cookies.agent, { ids: ["1042"] }))).toEqual({
      "ids.0": "Identificador inválido.",
    });
    expect(await fieldsOf(await markRead(cookies.agent, { ids: [] }))).toMatchObject({
      ids: "Informe pelo menos 1 item.",
    });
    expect(await fieldsOf(await markRead(cookies.agent, { all: false }))).toMatchObject({
      all: expect.any(String),
    });
    expect(await fieldsOf(await markRead(cookies.agent, { all: true, everyone: true }))).toEqual({
      everyone: "Campo desconhecido.",
    });
    expect(
      await fieldsOf(await get(cookies.agent, "/api/v1/notifications", { limit: "0", unread: "sim" })),
    ).toEqual({ limit: "Deve ser no mínimo 1.", unread: "Use um destes valores: true, false." });
    expect(
      await fieldsOf(await get(cookies.englishAgent, "/api/v1/notifications", { cursor: "not-a-cursor" })),
    ).toEqual({ cursor: "Invalid format." });
    // A well-formed cursor of the wrong shape is refused the same way, not run as a query.
    const wrongShape = Buffer.from(JSON.stringify(["a", "b"])).toString("base64url");
    expect(await fieldsOf(await get(cookies.agent, "/api/v1/notifications", { cursor: wrongShape }))).toEqual(
      {
        cursor: "Formato inválido.",
      },
    );
  });

  it("is documented in the OpenAPI description", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/v1/notifications",
      "/api/v1/notifications/unread-count",
      "/api/v1/notifications/read",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const body = doc.paths["/api/v1/notifications/read"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(["ids", "all"]);
  });
});
