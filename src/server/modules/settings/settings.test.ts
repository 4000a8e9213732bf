// /api/v1/settings: who may read and change them, what is refused, the audit, and that a change is
// in force at once (the reopen window of a customer's reply, the warning share of new deadlines).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { makeCompanyWithPlan } from "../../../../test/support/console";
import {
  type Catalog,
  loginAs,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";

const DAY = 24 * 60 * 60 * 1000;

describe("settings", () => {
  let t: TestApp;
  let catalog: Catalog;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    // Sessions outlive the clock moves below (days).
    t = await buildTestApp({ env: { SESSION_IDLE_MINUTES: "10080", SESSION_ABSOLUTE_HOURS: "720" } });
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    for (const role of ["admin", "supervisor", "agent"] as const)
      cookies[role] = await loginAs(t.app, await makeUser(t.ctx, role));
    cookies.customer_admin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    cookies.customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
  });
  afterAll(() => t.close());

  const valid = {
    reopenWindowDays: 10,
    slaWarningShare: 0.75,
    companyAdminsMayInvite: true,
    supportEmail: "suporte@uno.com.br",
    supportSignature: "Equipe de suporte UNO\n(11) 4002-8922",
    attachmentRetentionMonths: 24,
  };
  const get = (cookie?: string) => call(t.app, "GET", "/api/v1/settings", undefined, { cookie });
  const put = (body: unknown, cookie = cookies.admin) =>
    call(t.app, "PUT", "/api/v1/settings", body, { cookie });
  const save = async (body: unknown) => {
    const saved = await put(body);
    expect(saved.statusCode, saved.body).toBe(200);
  };

  it("are the admin's: the rest of the team 403, customers 404, nobody signed in 401", async () => {
    expect((await get(cookies.admin)).json()).toEqual({
      reopenWindowDays: 7,
      slaWarningShare: 0.8,
      companyAdminsMayInvite: false,
      supportEmail: "suporte@example.com.br",
      supportSignature: "Equipe de suporte",
      attachmentRetentionMonths: 0,
    });
    for (const [role, status] of [
      ["supervisor", 403],
      ["agent", 403],
      ["customer_admin", 404],
      ["customer", 404],
    ] as const) {
      expect((await get(cookies[role])).statusCode, role).toBe(status);
      expect((await put(valid, cookies[role])).statusCode, role).toBe(status);
    }
    expect((await get()).statusCode).toBe(401);
    expect((await get(cookies.admin)).json().reopenWindowDays).toBe(7);
  });

  it("refuses bad values field by field and keeps what was there", async () => {
    const refused = await put({
      ...valid,
      reopenWindowDays: -1,
      slaWarningShare: 0.99,
      supportEmail: "suporte",
      attachmentRetentionMonths: 1.5,
    });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields).sort()).toEqual([
      "attachmentRetentionMonths",
      "reopenWindowDays",
      "slaWarningShare",
      "supportEmail",
    ]);
    expect((await put({ ...valid, extra: true })).statusCode).toBe(400);
    expect((await get(cookies.admin)).json().reopenWindowDays).toBe(7);
  });

  it("saves them, audited with each change before → after", async () => {
    const saved = await put(valid);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(valid);
    expect((await get(cookies.admin)).json()).toEqual(valid);
    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("target_type", "=", "settings")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe("settings.update");
    expect(JSON.parse(audit[0]?.details ?? "{}").changes).toEqual({
      reopenWindowDays: { before: 7, after: 10 },
      slaWarningShare: { before: 0.8, after: 0.75 },
      companyAdminsMayInvite: { before: false, after: true },
      supportEmail: { before: "suporte@example.com.br", after: "suporte@uno.com.br" },
      supportSignature: { before: "Equipe de suporte", after: "Equipe de suporte UNO\n(11) 4002-8922" },
      attachmentRetentionMonths: { before: 0, after: 24 },
    });
    // Saving the same again changes nothing and writes no audit row; a client that does not know
    // the retention setting yet leaves it as it is.
    await save(valid);
    const { attachmentRetentionMonths: _kept, ...older } = valid;
    await save(older);
    expect((await get(cookies.admin)).json().attachmentRetentionMonths).toBe(24);
    expect(
      await t.ctx.db.selectFrom("audit_log").select("id").where("target_type", "=", "settings").execute(),
    ).toHaveLength(1);
  });

  it("take effect at once: the reopen window of a customer's reply", async () => {
    const customer = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    const customerCookie = await loginAs(t.app, customer);
    const number = await makeTicket(t.ctx, catalog, customer);
    const resolved = await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${number}`,
      { version: 1, status: "resolved" },
      { cookie: cookies.agent },
    );
    expect(resolved.statusCode).toBe(200);
    t.clock.advance(3 * DAY);
    await save({ ...valid, reopenWindowDays: 2 });
    const reply = () =>
      call(
        t.app,
        "POST",
        `/api/v1/tickets/${number}/messages`,
        { body: "Voltou." },
        { cookie: customerCookie },
      );
    const closed = await reply();
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, "ticket.reopen_closed"]);
    expect(
      (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: customerCookie })).json(),
    ).toMatchObject({ abilities: { reply: false } });
    await save({ ...valid, reopenWindowDays: 5 });
    expect((await reply()).json()).toMatchObject({ status: "in_progress" });
  });

  it("take effect at once: the warning share of a new ticket's deadlines", async () => {
    t.clock.set("2026-04-22T10:00:00-03:00");
    const company = await makeCompanyWithPlan(t);
    const customer = await makeUser(t.ctx, "customer", { company });
    const warnAt = async () => {
      const number = await makeTicket(t.ctx, catalog, customer);
      const row = await t.ctx.db
        .selectFrom("ticket")
        .select("queue_warn_at")
        .where("number", "=", number)
        .executeTakeFirstOrThrow();
      return row.queue_warn_at;
    };
    // The first response is due in 4 business hours (15:00); warned at 75% (14:00) or 50% (12:00).
    await save({ ...valid, slaWarningShare: 0.75 });
    expect(await warnAt()).toBe(Date.parse("2026-04-22T14:00:00-03:00"));
    await save({ ...valid, slaWarningShare: 0.5 });
    expect(await warnAt()).toBe(Date.parse("2026-04-22T12:00:00-03:00"));
  });
});
