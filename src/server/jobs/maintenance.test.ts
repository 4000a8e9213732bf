// The maintenance job purges what has expired — sessions, old login failures, spent one-time links,
// old upload records, uploads never sent (rows and files) — and nothing else; a second run, or two
// processes running it at once, removes nothing twice.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../test/support/app";
import {
  type Catalog,
  type MadeUser,
  makeCatalog,
  makeUser,
  ticketBody,
} from "../../../test/support/factories";
import { PNG, uploadFile } from "../../../test/support/uploads";
import { newToken } from "../crypto";
import { closeContext, openContext } from "../runtime";
import { type MaintenanceReport, runMaintenance } from "./maintenance";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What one call of `expired()` leaves for the job: the rows and files it must remove, and those it must keep. */
interface Fixture {
  user: MadeUser;
  liveSession: string;
  expiredFiles: string[];
  keptUploadIds: string[];
}

describe("the maintenance job", () => {
  let t: TestApp;
  let catalog: Catalog;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
  });
  afterAll(() => t.close());

  const at = (offsetMs: number) => t.clock.set(new Date(now + offsetMs).toISOString());
  let now = 0;

  const fileOf = (storageKey: string) =>
    path.join(t.ctx.config.attachmentsDir, storageKey.slice(0, 2), storageKey);
  const storageKeyOf = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom("attachment")
        .select("storage_key")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).storage_key;

  /**
   * Builds, up to `now`: 4 expired sessions (3 idle, 1 past its absolute lifetime) and a live one;
   * 2 login failures past the 15-minute window and 1 within; 3 spent links (the account's first,
   * voided when its password was set; a used one; an expired one) and a valid one; 3 upload records
   * past the 10-minute window and 1 within; 1 upload pending for over 24 h (row and file to go), and
   * kept: one as old but sent with a ticket, one pending for 23 h, one just uploaded.
   */
  async function expired(): Promise<Fixture> {
    // A month after the previous fixture, whose leftovers have all expired by then: purged first,
    // so that each test counts its own fixture only.
    now = (now || Date.parse("2026-04-22T13:00:00Z")) + 30 * 24 * HOUR;
    at(-26 * HOUR);
    await runMaintenance(t.ctx);
    const user = await makeUser(t.ctx, "customer");
    const cookieOf = (response: { cookies: { name: string; value: string }[] }) => {
      const cookie = response.cookies.find((c) => c.name === "extranet_session");
      return `extranet_session=${cookie?.value}`;
    };
    const signIn = () =>
      call(t.app, "POST", "/api/v1/auth/login", { email: user.email, password: user.password });

    at(-25 * HOUR);
    const customer = cookieOf(await signIn());
    const oldPending = (await uploadFile(t.app, customer, "velho.png", PNG)).json();
    const oldSent = (await uploadFile(t.app, customer, "enviado.png", PNG)).json();
    const opened = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog), attachmentIds: [oldSent.id] },
      { cookie: customer },
    );
    expect(opened.statusCode).toBe(201);
    at(-23 * HOUR);
    const recentPending = (await uploadFile(t.app, cookieOf(await signIn()), "novo.png", PNG)).json();
    at(-12 * HOUR - 5 * MINUTE);
    const absolute = cookieOf(await signIn());
    // Kept busy, so that only its absolute lifetime (12 h) ends it; another sign-in is left idle.
    for (const hoursAgo of [11, 9.5, 8, 6.5, 5, 3.5, 3, 2, 0.5]) {
      at(-hoursAgo * HOUR);
      expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: absolute })).statusCode).toBe(200);
      if (hoursAgo === 3) await signIn();
    }
    at(-5 * MINUTE);
    const liveSession = cookieOf(await signIn());
    expect((await uploadFile(t.app, liveSession, "agora.png", PNG)).statusCode).toBe(201);
    at(0);

    const key = `account:${user.email}`;
    await t.ctx.db
      .insertInto("login_failure")
      .values([
        { key, at: now - 20 * MINUTE },
        { key: `ip:${user.id}`, at: now - 16 * MINUTE },
        { key, at: now - 5 * MINUTE },
      ])
      .execute();
    const link = (fields: { used_at: number | null; expires_at: number }) => ({
      id: newToken(),
      user_id: user.id,
      purpose: "reset_password" as const,
      created_by: null,
      created_at: now - 2 * HOUR,
      ...fields,
    });
    await t.ctx.db
      .insertInto("user_token")
      .values([
        link({ used_at: now - HOUR, expires_at: now + HOUR }),
        link({ used_at: null, expires_at: now - MINUTE }),
        link({ used_at: null, expires_at: now + HOUR }),
      ])
      .execute();
    const idempotencyKey = (key: string, hoursAgo: number) => ({
      user_id: user.id,
      key,
      operation: "tickets.create",
      fingerprint: "f",
      result: "1001",
      created_at: now - hoursAgo * HOUR,
    });
    await t.ctx.db
      .insertInto("idempotency_key")
      .values([idempotencyKey("yesterday", 25), idempotencyKey("today", 23)])
      .execute();
    return {
      user,
      liveSession,
      expiredFiles: [fileOf(await storageKeyOf(oldPending.id))],
      keptUploadIds: [oldSent.id, recentPending.id],
    };
  }

  /** Everything the fixture of `user` still holds, per table. */
  async function remaining(user: MadeUser) {
    const db = t.ctx.db;
    const n = (row: { n: number | string }) => Number(row.n);
    return {
      sessions: n(
        await db
          .selectFrom("session")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("user_id", "=", user.id)
          .executeTakeFirstOrThrow(),
      ),
      loginFailures: n(
        await db
          .selectFrom("login_failure")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("key", "in", [`account:${user.email}`, `ip:${user.id}`])
          .executeTakeFirstOrThrow(),
      ),
      links: n(
        await db
          .selectFrom("user_token")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("user_id", "=", user.id)
          .executeTakeFirstOrThrow(),
      ),
      uploadRecords: n(
        await db
          .selectFrom("upload_log")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("user_id", "=", user.id)
          .executeTakeFirstOrThrow(),
      ),
      idempotencyKeys: n(
        await db
          .selectFrom("idempotency_key")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("user_id", "=", user.id)
          .executeTakeFirstOrThrow(),
      ),
      attachments: n(
        await db
          .selectFrom("attachment")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("uploader_id", "=", user.id)
          .executeTakeFirstOrThrow(),
      ),
    };
  }

  const once: MaintenanceReport = {
    sessions: 4,
    loginFailures: 2,
    links: 3,
    uploadRecords: 3,
    pendingUploads: 1,
    idempotencyKeys: 1,
    retainedAttachments: 0,
    sentEmails: 0,
    erpLinkUses: 0,
  };

  it("removes exactly what has expired, files included; a second run removes nothing", async () => {
    const fixture = await expired();
    for (const file of fixture.expiredFiles) expect(fs.existsSync(file)).toBe(true);

    const report = await runMaintenance(t.ctx);

    expect(report).toEqual(once);
    expect(await remaining(fixture.user)).toEqual({
      sessions: 1,
      loginFailures: 1,
      links: 1,
      uploadRecords: 1,
      idempotencyKeys: 1,
      attachments: 3,
    });
    for (const file of fixture.expiredFiles) expect(fs.existsSync(file)).toBe(false);
    for (const id of fixture.keptUploadIds) expect(fs.existsSync(fileOf(await storageKeyOf(id)))).toBe(true);
    const me = await call(t.app, "GET", "/api/v1/me", undefined, { cookie: fixture.liveSession });
    expect(me.statusCode).toBe(200);

    expect(await runMaintenance(t.ctx)).toEqual({
      sessions: 0,
      loginFailures: 0,
      links: 0,
      uploadRecords: 0,
      pendingUploads: 0,
      idempotencyKeys: 0,
      retainedAttachments: 0,
      sentEmails: 0,
      erpLinkUses: 0,
    });
  });

  it("two processes running it at once remove each thing once", async () => {
    const fixture = await expired();
    const other = await openContext(t.ctx.config, {
      clock: t.clock,
      searchPath: t.database.searchPath,
      poolSize: 4,
    });
    try {
      const reports = await Promise.all([runMaintenance(t.ctx), runMaintenance(other)]);

      const total = (key: keyof MaintenanceReport) => reports.reduce((sum, r) => sum + r[key], 0);
      for (const key of Object.keys(once) as (keyof MaintenanceReport)[])
        expect(total(key), key).toBe(once[key]);
      expect(await remaining(fixture.user)).toMatchObject({ sessions: 1, attachments: 3 });
      for (const file of fixture.expiredFiles) expect(fs.existsSync(file)).toBe(false);
    } finally {
      await closeContext(other);
    }
  });
});
