// Purges what has expired: sessions, login failures past the throttle's window, used or expired
// one-time links, upload records past the rate limit's window, and uploads never sent with a ticket
// or reply (rows and files), idempotency keys past their day, attachment files past the
// retention setting, e-mails sent more than three months ago, and the ids of used ERP links past
// their expiry. Every step is a conditional delete, so several processes running it at
// once (PostgreSQL) remove each thing once, and a second run finds nothing to do. On SQLite it also
// merges the full-text indexes a little (`mergeSearchIndexes`) and refreshes the query planner's
// statistics of the tables that grew or shrank tenfold (`refreshStaleStatistics`).
import { sql } from "kysely";
import type { AppContext } from "../context";
import { settleStatistics } from "../db/analyze";
import { deleteExpiredPending } from "../modules/attachments/repository";
import { storageOf } from "../modules/attachments/service";
import { purgeUploadLog } from "../modules/attachments/usage-repository";
import { purgeLoginFailures, purgeSpentUserTokens } from "../modules/auth/expiry-repository";
import { deleteExpiredSessions } from "../modules/auth/repository";
import { purgeExpiredLinkUses } from "../modules/erp-link/repository";
import { deleteIdempotencyKeysBefore } from "../modules/idempotency/repository";
import { IDEMPOTENCY_KEY_HOURS } from "../modules/idempotency/service";
import { OUTBOX_KEEP_DAYS, purgeSentEmails } from "../modules/outbox/repository";
import { purgeExpiredAttachments } from "../modules/privacy/retention";

const MINUTE = 60_000;
const UPLOAD_BATCH = 200;
/** Pages of merged index a pass writes at most (4 KiB each): tens of milliseconds every few minutes. */
const SEARCH_MERGE_PAGES = 256;

export interface MaintenanceReport {
  sessions: number;
  loginFailures: number;
  links: number;
  uploadRecords: number;
  pendingUploads: number;
  idempotencyKeys: number;
  /** Attachment files past the retention setting ("Configurações"). */
  retainedAttachments: number;
  /** E-mails sent more than OUTBOX_KEEP_DAYS ago: "Caixa de saída" keeps three months. */
  sentEmails: number;
  /** Used ERP links past their `exp`: refused as expired anyway. */
  erpLinkUses: number;
}

export async function runMaintenance(ctx: AppContext): Promise<MaintenanceReport> {
  const now = ctx.clock.now();
  const { session, login, uploads } = ctx.config;
  await mergeSearchIndexes(ctx);
  await refreshStaleStatistics(ctx);
  return {
    sessions: await deleteExpiredSessions(ctx.db, now, now - session.idleMinutes * MINUTE),
    loginFailures: await purgeLoginFailures(ctx.db, now - login.windowMinutes * MINUTE),
    links: await purgeSpentUserTokens(ctx.db, now),
    uploadRecords: await purgeUploadLog(ctx.db, now - uploads.rateWindowMs),
    pendingUploads: await expirePendingUploads(ctx, now - uploads.pendingTtlMs),
    idempotencyKeys: await deleteIdempotencyKeysBefore(ctx.db, now - IDEMPOTENCY_KEY_HOURS * 60 * MINUTE),
    retainedAttachments: await purgeExpiredAttachments(ctx),
    sentEmails: await purgeSentEmails(ctx.db, now - OUTBOX_KEEP_DAYS * 24 * 60 * MINUTE),
    erpLinkUses: await purgeExpiredLinkUses(ctx.db, now),
  };
}

/**
 * Every commit adds a small segment to an FTS5 index, and FTS5's own merging keeps up to a few per
 * level, so an index soon has ten or more (the demo seed leaves 13), and every search looks each
 * word up in each segment: at 100 000 tickets, a company's query took 0.97 ms to match in 11
 * segments, 0.28 ms in one. A negative 'merge' merges whatever segments there are, a bounded number
 * of pages at a time (a pass took 16–35 ms at 100 000 tickets, whose index of 4 800 pages was back in
 * one segment after 18 passes, three hours at the default interval), and keeps it near one.
 */
export async function mergeSearchIndexes(ctx: AppContext): Promise<void> {
  if (ctx.connection.dialect !== "sqlite") return;
  for (const table of ["ticket_fts", "article_fts"]) {
    await sql`insert into ${sql.table(table)}(${sql.table(table)}, rank) values ('merge', ${-SEARCH_MERGE_PAGES})`.execute(
      ctx.db,
    );
  }
}

/**
 * SQLite keeps no statistics of its own: a desk that started on the demo, or on an empty file, grows
 * to thousands of tickets with the planner still guessing. `PRAGMA optimize`, as SQLite recommends for
 * long-lived connections, analyzes each table never analyzed or whose size changed tenfold since its
 * last ANALYZE, reading a bounded sample of each index (milliseconds whatever the size); on a desk
 * that did not change it reads only the tables' sizes. Then, as after every ANALYZE here, the index
 * samples it also writes are dropped and no table is said to hold fewer than three rows
 * (`settleStatistics`). Returns the tables analyzed. PostgreSQL has autovacuum's ANALYZE.
 */
export async function refreshStaleStatistics(ctx: AppContext): Promise<string[]> {
  if (ctx.connection.dialect !== "sqlite") return [];
  // 0x10000: check every table, not only those this connection queried; 0x1: only say what it would do.
  const planned = await sql<{ optimize: string }>`pragma optimize = 0x10003`.execute(ctx.db);
  if (planned.rows.length === 0) return [];
  await sql`pragma optimize = 0x10002`.execute(ctx.db);
  await settleStatistics(ctx.db);
  return planned.rows.map((row) => row.optimize.replace(/^ANALYZE "main"\."(.*)"$/, "$1"));
}

/** Rows first, then files: a file goes only once its row is gone, so no ticket ever points at a missing file. */
async function expirePendingUploads(ctx: AppContext, before: number): Promise<number> {
  const storage = storageOf(ctx);
  let removed = 0;
  for (;;) {
    const keys = await deleteExpiredPending(ctx.db, before, UPLOAD_BATCH);
    if (keys.length === 0) return removed;
    for (const key of keys) await storage.remove(key);
    removed += keys.length;
  }
}

/** Runs once soon after start, then every `maintenanceMs`; the timers never keep the process alive. */
export function startMaintenance(
  ctx: AppContext,
  onError: (error: unknown) => void,
  onPurged: (report: MaintenanceReport) => void,
): { stop(): void } {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    runMaintenance(ctx)
      .then((report) => {
        if (Object.values(report).some((count) => count > 0)) onPurged(report);
      })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, ctx.config.maintenanceMs);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
