// "Caixa de saída" and the e-mail preferences through the API: who may see the outbox, what it shows,
// "reenviar" (audited, refused while waiting), and each person's own choices.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { newId } from "../../crypto";
import { insertEmails, type NewEmail } from "./repository";

function email(createdBy: number, overrides: Partial<NewEmail> = {}): NewEmail {
  const id = newId();
  return {
    id,
    purpose: "ticket_reply",
    recipientId: null,
    to: "fernanda.lima@paulistaalimentos.com.br",
    subject: `[#${1000 + createdBy}] Boleto não gera`,
    text: "Olá, Fernanda.",
    html: "<p>Olá, Fernanda.</p>",
    messageId: `<${id}@extranet.test>`,
    replyTo: null,
    headers: {},
    ticketId: null,
    ...overrides,
  };
}

describe("/api/v1/admin/outbox and /api/v1/me/notification-preferences", () => {
  let t: TestApp;
  let cookies: Record<"admin" | "supervisor" | "agent" | "customerAdmin" | "customer", string>;

  beforeAll(async () => {
    t = await buildTestApp();
    const company = await makeCompany(t.ctx);
    cookies = {
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin")),
      supervisor: await loginAs(t.app, await makeUser(t.ctx, "supervisor")),
      agent: await loginAs(t.app, await makeUser(t.ctx, "agent")),
      customerAdmin: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company })),
      customer: await loginAs(t.app, await makeUser(t.ctx, "customer", { company })),
    };
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("outbox_message").execute();
  });

  it("is for admins only: other staff are forbidden, customers and strangers learn nothing", async () => {
    const [mail] = [email(1)];
    await insertEmails(t.ctx.db, [mail as NewEmail], t.clock.now());
    const urls = ["/api/v1/admin/outbox", `/api/v1/admin/outbox/${mail?.id}`];
    for (const url of urls) {
      expect((await call(t.app, "GET", url, undefined, { cookie: cookies.admin })).statusCode).toBe(200);
      expect((await call(t.app, "GET", url, undefined, { cookie: cookies.supervisor })).statusCode).toBe(403);
      expect((await call(t.app, "GET", url, undefined, { cookie: cookies.agent })).statusCode).toBe(403);
      expect((await call(t.app, "GET", url, undefined, { cookie: cookies.customerAdmin })).statusCode).toBe(
        404,
      );
      expect((await call(t.app, "GET", url, undefined, { cookie: cookies.customer })).statusCode).toBe(404);
      expect((await call(t.app, "GET", url)).statusCode).toBe(401);
    }
    const resend = `/api/v1/admin/outbox/${mail?.id}/resend`;
    expect((await call(t.app, "POST", resend, undefined, { cookie: cookies.supervisor })).statusCode).toBe(
      403,
    );
    expect((await call(t.app, "POST", resend, undefined, { cookie: cookies.customer })).statusCode).toBe(404);
    expect((await call(t.app, "POST", resend)).statusCode).toBe(401);
  });

  it("lists newest first with keyset pages and a state filter, and shows one e-mail as written", async () => {
    for (let i = 0; i < 5; i++) {
      await insertEmails(t.ctx.db, [email(i)], t.clock.now());
      t.clock.advance(1000);
    }
    await t.ctx.db
      .updateTable("outbox_message")
      .set({ state: "failed", attempts: 8, last_error: "550 Mailbox unavailable" })
      .where("subject", "=", "[#1001] Boleto não gera")
      .execute();

    const first = await call(t.app, "GET", "/api/v1/admin/outbox", undefined, {
      cookie: cookies.admin,
      query: { limit: "3" },
    });
    const page1 = first.json() as { items: { subject: string }[]; nextCursor: string; delivering: boolean };
    expect(page1.delivering).toBe(false);
    expect(page1.items.map((i) => i.subject)).toEqual([
      "[#1004] Boleto não gera",
      "[#1003] Boleto não gera",
      "[#1002] Boleto não gera",
    ]);
    const second = await call(t.app, "GET", "/api/v1/admin/outbox", undefined, {
      cookie: cookies.admin,
      query: { limit: "3", cursor: page1.nextCursor },
    });
    const page2 = second.json() as { items: { subject: string }[]; nextCursor: string | null };
    expect(page2.items.map((i) => i.subject)).toEqual(["[#1001] Boleto não gera", "[#1000] Boleto não gera"]);
    expect(page2.nextCursor).toBeNull();

    const failed = await call(t.app, "GET", "/api/v1/admin/outbox", undefined, {
      cookie: cookies.admin,
      query: { state: "failed" },
    });
    const failedItems = (
      failed.json() as { items: { subject: string; lastError: string; attempts: number }[] }
    ).items;
    expect(failedItems).toEqual([
      expect.objectContaining({
        subject: "[#1001] Boleto não gera",
        lastError: "550 Mailbox unavailable",
        attempts: 8,
      }),
    ]);

    const bad = await call(t.app, "GET", "/api/v1/admin/outbox", undefined, {
      cookie: cookies.admin,
      query: { state: "lost", cursor: "???" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("sends a failed e-mail again once, audited, and refuses one still waiting", async () => {
    const failed = email(7);
    const waiting = email(8);
    await insertEmails(t.ctx.db, [failed, waiting], t.clock.now());
    await t.ctx.db
      .updateTable("outbox_message")
      .set({ state: "failed", attempts: 8 })
      .where("id", "=", failed.id)
      .execute();

    const res = await call(t.app, "POST", `/api/v1/admin/outbox/${failed.id}/resend`, undefined, {
      cookie: cookies.admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "queued", attempts: 0, text: "Olá, Fernanda." });
    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "target_type"])
      .where("target_id", "=", failed.id)
      .execute();
    expect(audit).toEqual([{ action: "outbox.resend", target_type: "outbox_message" }]);

    const refused = await call(t.app, "POST", `/api/v1/admin/outbox/${waiting.id}/resend`, undefined, {
      cookie: cookies.admin,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { message: expect.stringContaining("ainda está na fila") },
    });
    const missing = await call(t.app, "POST", `/api/v1/admin/outbox/${newId()}/resend`, undefined, {
      cookie: cookies.admin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("keeps each person's e-mail choices, their own only, validated", async () => {
    const get = (cookie: string) =>
      call(t.app, "GET", "/api/v1/me/notification-preferences", undefined, { cookie });
    expect((await get(cookies.customer)).json()).toEqual({
      ticket_updates: true,
      estimates: true,
      ticket_activity: true,
      sla_alerts: true,
    });
    const put = await call(
      t.app,
      "PUT",
      "/api/v1/me/notification-preferences",
      { ticket_updates: false, estimates: true, ticket_activity: true, sla_alerts: false },
      { cookie: cookies.customer },
    );
    expect(put.statusCode, put.body).toBe(200);
    expect((await get(cookies.customer)).json()).toMatchObject({ ticket_updates: false, sla_alerts: false });
    expect((await get(cookies.customerAdmin)).json()).toMatchObject({ ticket_updates: true });

    const bad = await call(
      t.app,
      "PUT",
      "/api/v1/me/notification-preferences",
      { ticket_updates: "no", spam: true },
      { cookie: cookies.customer },
    );
    expect(bad.statusCode).toBe(400);
    expect((await get(cookies.customer)).json()).toMatchObject({ ticket_updates: false });
    expect((await call(t.app, "GET", "/api/v1/me/notification-preferences")).statusCode).toBe(401);
  });
});
