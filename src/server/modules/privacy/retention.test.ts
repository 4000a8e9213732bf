// Attachment retention: the maintenance job removes the files of tickets finalized (resolved or
// cancelled) more than the set number of months ago — row kept and marked, download 410, audited —
// and nothing else; once done, a second run finds nothing; 0 months keeps everything.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { uploadFile } from "../../../../test/support/console";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import { runMaintenance } from "../../jobs/maintenance";

describe("attachment retention", () => {
  let t: TestApp;
  let catalog: Catalog;
  const cookies: Record<string, string> = {};
  const users: Record<string, MadeUser> = {};
  /** Sessions do not outlive the months the clock moves: sign in again after each move. */
  async function signIn() {
    for (const [role, user] of Object.entries(users)) cookies[role] = await loginAs(t.app, user);
  }

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set("2026-01-05T10:00:00-03:00");
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    users.admin = await makeUser(t.ctx, "admin");
    users.agent = await makeUser(t.ctx, "agent");
    users.customer = await makeUser(t.ctx, "customer", { company });
    await signIn();
  });
  afterAll(() => t.close());

  async function ticketWithFile(name: string) {
    const file = await uploadFile(t, cookies.customer ?? "", name);
    const opened = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      { ...ticketBody(catalog), attachmentIds: [file] },
      { cookie: cookies.customer },
    );
    expect(opened.statusCode, opened.body).toBe(201);
    return { number: opened.json().number as number, file };
  }
  const finish = async (number: number, status: "resolved" | "cancelled") => {
    const done = await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${number}`,
      { version: 1, status },
      { cookie: cookies.agent },
    );
    expect(done.statusCode, done.body).toBe(200);
  };
  const download = (id: string) =>
    call(t.app, "GET", `/api/v1/attachments/${id}`, undefined, { cookie: cookies.customer });
  const fileExists = async (id: string) => {
    const row = await t.ctx.db
      .selectFrom("attachment")
      .select("storage_key")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return fs.existsSync(
      path.join(t.ctx.config.attachmentsDir, row.storage_key.slice(0, 2), row.storage_key),
    );
  };
  const setRetention = async (months: number) => {
    const current = (
      await call(t.app, "GET", "/api/v1/settings", undefined, { cookie: cookies.admin })
    ).json();
    const saved = await call(
      t.app,
      "PUT",
      "/api/v1/settings",
      { ...current, attachmentRetentionMonths: months },
      { cookie: cookies.admin },
    );
    expect(saved.statusCode, saved.body).toBe(200);
  };

  it("removes only the files of tickets finalized before the retention period, once", async () => {
    const oldResolved = await ticketWithFile("antigo.png");
    await finish(oldResolved.number, "resolved");
    const oldCancelled = await ticketWithFile("cancelado.png");
    await finish(oldCancelled.number, "cancelled");
    const stillOpen = await ticketWithFile("aberto.png");
    t.clock.set("2026-06-01T10:00:00-03:00");
    await signIn();
    const recent = await ticketWithFile("recente.png");
    await finish(recent.number, "resolved");

    // Nothing goes while the setting keeps files for ever (the default).
    t.clock.set("2026-08-10T10:00:00-03:00");
    await signIn();
    expect((await runMaintenance(t.ctx)).retainedAttachments).toBe(0);
    expect(await fileExists(oldResolved.file)).toBe(true);

    // Six months: January's finalized tickets lose their files; June's and the open one keep theirs.
    await setRetention(6);
    expect((await runMaintenance(t.ctx)).retainedAttachments).toBe(2);
    for (const gone of [oldResolved, oldCancelled]) {
      expect(await fileExists(gone.file)).toBe(false);
      const refused = await download(gone.file);
      expect([refused.statusCode, refused.json().error.code]).toEqual([410, "attachment.purged"]);
    }
    for (const kept of [stillOpen, recent]) {
      expect(await fileExists(kept.file)).toBe(true);
      expect((await download(kept.file)).statusCode).toBe(200);
    }
    // The history still names the file.
    const ticket = (
      await call(t.app, "GET", `/api/v1/tickets/${oldResolved.number}`, undefined, {
        cookie: cookies.customer,
      })
    ).json();
    expect(ticket.attachments).toEqual([expect.objectContaining({ filename: "antigo.png", removed: true })]);

    const trail = (
      await call(t.app, "GET", "/api/v1/audit", undefined, {
        cookie: cookies.admin,
        query: { kind: "settings" },
      })
    ).json();
    expect(trail.items[0]).toMatchObject({ action: "attachments.retention_purged", actor: null });
    expect(trail.items[0].changes).toEqual(
      expect.arrayContaining([{ field: "files", before: null, after: 2 }]),
    );
    expect((await runMaintenance(t.ctx)).retainedAttachments).toBe(0);
  });
});
