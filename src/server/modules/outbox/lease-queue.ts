// The outbox's lease queue, shared by its tables (e-mails, webhook deliveries): rows written in a
// command's transaction as `queued`, claimed by a worker with a lease (`FOR UPDATE SKIP LOCKED` on
// PostgreSQL, so two processes never claim the same row; SQLite has one writer at a time), then
// marked sent, queued again for a retry, or failed. Each table has the same lease columns.
import { type Kysely, sql, type Updateable } from "kysely";
import type { OutboxState } from "../../../contracts/outbox";
import { dialectOf } from "../../db/dialect";
import type { Database, Executor } from "../../db/schema";

export type LeaseTable = "outbox_message" | "webhook_delivery";

/** The columns every lease-queue table has. */
export interface LeaseColumns {
  id: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  leased_by: string | null;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** The lease columns of a row queued at `at`: due at once, never tried, held by no one. */
export function queuedAt(at: number) {
  return {
    state: "queued" as const,
    attempts: 0,
    next_attempt_at: at,
    leased_by: null,
    lease_until: null,
    last_error: null,
    created_at: at,
    sent_at: null,
  };
}

/** A row of `table`, as the lease queue hands it back. */
export type LeaseRow<T extends LeaseTable> = Database[T] & LeaseColumns;

/**
 * Kysely cannot type one query over a table chosen at run time: the queries below address the real
 * table under the name `queue`, in a database whose one table is the lease columns.
 */
const queueDb = (db: Executor) => db as unknown as Kysely<{ queue: LeaseColumns }>;
const queue = (table: LeaseTable) => table as unknown as "queue";

/**
 * The ids of queued rows whose time has come, oldest first, walking the (state, next_attempt_at, id)
 * index in order and stopping at the limit.
 */
export function selectQueuedDue(db: Executor, table: LeaseTable, now: number) {
  return queueDb(db)
    .selectFrom(queue(table))
    .select("id")
    .where("state", "=", "queued")
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .orderBy("id");
}

/** The ids of rows being sent whose lease ran out: their worker died. Few: one batch per worker. */
export function selectLeaseExpired(db: Executor, table: LeaseTable, now: number) {
  return queueDb(db)
    .selectFrom(queue(table))
    .select("id")
    .where("state", "=", "sending")
    .where("lease_until", "<", now)
    .orderBy("next_attempt_at")
    .orderBy("id");
}

/**
 * Claims up to `limit` due rows for `worker` until `leaseUntil`: queued ones whose time has come, and
 * sending ones whose lease ran out (their worker died). Returns the claimed rows, in the order due.
 */
export async function claimDue<T extends LeaseTable>(
  db: Executor,
  table: T,
  worker: string,
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<LeaseRow<T>[]> {
  const postgres = dialectOf(db) === "postgres";
  const lock = <Q extends ReturnType<typeof selectQueuedDue>>(query: Q) =>
    postgres ? query.forUpdate().skipLocked() : query;
  // Abandoned rows first: they have waited longest.
  const expired = await lock(selectLeaseExpired(db, table, now).limit(limit)).execute();
  const queued =
    expired.length < limit
      ? await lock(selectQueuedDue(db, table, now).limit(limit - expired.length)).execute()
      : [];
  const ids = [...expired, ...queued].map((row) => row.id);
  if (ids.length === 0) return [];
  const claimed = (await queueDb(db)
    .updateTable(queue(table))
    .set({ state: "sending", leased_by: worker, lease_until: leaseUntil })
    .where("id", "in", ids)
    // Still claimable: on SQLite another process may have claimed one between the read and this write.
    .where((eb) =>
      eb.or([
        eb.and([eb("state", "=", "queued"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("state", "=", "sending"), eb("lease_until", "<", now)]),
      ]),
    )
    .returningAll()
    .execute()) as LeaseRow<T>[];
  // In the order they were due, whatever order the update returned them in.
  const position = new Map(ids.map((id, i) => [id, i]));
  return claimed.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/** Columns a table records beside the lease's own at the end of an attempt (status, duration…). */
export type AttemptColumns<T extends LeaseTable> = Omit<Updateable<Database[T]>, keyof LeaseColumns>;

/** Marks a claimed row sent; false when the lease was lost meanwhile (another worker has it now). */
export async function markSent<T extends LeaseTable>(
  db: Executor,
  table: T,
  id: string,
  worker: string,
  at: number,
  extra?: AttemptColumns<T>,
): Promise<boolean> {
  const result = await queueDb(db)
    .updateTable(queue(table))
    .set({
      ...(extra ?? {}),
      state: "sent",
      sent_at: at,
      attempts: sql`attempts + 1`,
      leased_by: null,
      lease_until: null,
      last_error: null,
    })
    .where("id", "=", id)
    .where("leased_by", "=", worker)
    .where("state", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** After a failed attempt: queued again at `retryAt`, or failed for good when `retryAt` is null. */
export async function markAttemptFailed<T extends LeaseTable>(
  db: Executor,
  table: T,
  id: string,
  worker: string,
  error: string,
  retryAt: number | null,
  extra?: AttemptColumns<T>,
): Promise<boolean> {
  const result = await queueDb(db)
    .updateTable(queue(table))
    .set({
      ...(extra ?? {}),
      state: retryAt === null ? "failed" : "queued",
      attempts: sql`attempts + 1`,
      next_attempt_at: retryAt ?? sql`next_attempt_at`,
      last_error: error.slice(0, 2000),
      leased_by: null,
      lease_until: null,
    })
    .where("id", "=", id)
    .where("leased_by", "=", worker)
    .where("state", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives back what a stopping worker claimed but did not send: due again at once. */
export async function releaseClaims(
  db: Executor,
  table: LeaseTable,
  worker: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await queueDb(db)
    .updateTable(queue(table))
    .set({ state: "queued", leased_by: null, lease_until: null })
    .where("leased_by", "=", worker)
    .where("state", "=", "sending")
    .where("id", "in", ids)
    .execute();
}

/** "Reenviar": a failed (or sent) row is queued again now, its attempts counted from zero. */
export async function requeue(db: Executor, table: LeaseTable, id: string, now: number): Promise<boolean> {
  const result = await queueDb(db)
    .updateTable(queue(table))
    .set({
      state: "queued",
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      leased_by: null,
      lease_until: null,
    })
    .where("id", "=", id)
    .where("state", "in", ["failed", "sent"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
