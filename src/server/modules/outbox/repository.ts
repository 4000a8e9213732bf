// The outbox table: rows written in a command's transaction, claimed by delivery workers with a
// lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two processes never claim the same row; SQLite
// has one writer at a time), and listed on "Caixa de saída".
import { sql } from "kysely";
import type { EmailPurpose, OutboxState } from "../../../contracts/outbox";
import { dialectOf } from "../../db/dialect";
import { json } from "../../db/json";
import type { Executor, OutboxMessageTable } from "../../db/schema";

export type OutboxRow = OutboxMessageTable;

/** An e-mail as its writer gives it: rendered, addressed, with its stable Message-ID. */
export interface NewEmail {
  id: string;
  purpose: EmailPurpose;
  recipientId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  replyTo: string | null;
  headers: Record<string, string>;
  ticketId: string | null;
}

export async function insertEmails(db: Executor, emails: readonly NewEmail[], at: number): Promise<void> {
  if (emails.length === 0) return;
  await db
    .insertInto("outbox_message")
    .values(
      emails.map((email) => ({
        id: email.id,
        purpose: email.purpose,
        recipient_id: email.recipientId,
        to_address: email.to,
        subject: email.subject,
        text_body: email.text,
        html_body: email.html,
        message_id: email.messageId,
        reply_to: email.replyTo,
        headers: json.outboxHeaders.encode(email.headers),
        ticket_id: email.ticketId,
        state: "queued" as const,
        attempts: 0,
        next_attempt_at: at,
        leased_by: null,
        lease_until: null,
        last_error: null,
        created_at: at,
        sent_at: null,
      })),
    )
    .execute();
}

/**
 * The ids of queued rows whose time has come, oldest first, walking `outbox_message_queue_idx`
 * (state, next_attempt_at, id) in order and stopping at the limit.
 */
export function selectQueuedDue(db: Executor, now: number) {
  return db
    .selectFrom("outbox_message")
    .select("id")
    .where("state", "=", "queued")
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .orderBy("id");
}

/** The ids of rows being sent whose lease ran out: their worker died. Few: one batch per worker. */
export function selectLeaseExpired(db: Executor, now: number) {
  return db
    .selectFrom("outbox_message")
    .select("id")
    .where("state", "=", "sending")
    .where("lease_until", "<", now)
    .orderBy("next_attempt_at")
    .orderBy("id");
}

/**
 * Claims up to `limit` due rows for `worker` until `leaseUntil`: queued ones whose time has come, and
 * sending ones whose lease ran out (their worker died). Returns the claimed rows.
 */
export async function claimDue(
  db: Executor,
  worker: string,
  now: number,
  leaseUntil: number,
  limit: number,
): Promise<OutboxRow[]> {
  const postgres = dialectOf(db) === "postgres";
  const lock = <Q extends ReturnType<typeof selectQueuedDue>>(query: Q) =>
    postgres ? query.forUpdate().skipLocked() : query;
  // Abandoned e-mails first: they have waited longest.
  const expired = await lock(selectLeaseExpired(db, now).limit(limit)).execute();
  const queued =
    expired.length < limit
      ? await lock(selectQueuedDue(db, now).limit(limit - expired.length)).execute()
      : [];
  const ids = [...expired, ...queued].map((row) => row.id);
  if (ids.length === 0) return [];
  const claimed = await db
    .updateTable("outbox_message")
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
    .execute();
  // In the order they were due, whatever order the update returned them in.
  const position = new Map(ids.map((id, i) => [id, i]));
  return claimed.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/** Marks a claimed row sent; false when the lease was lost meanwhile (another worker has it now). */
export async function markSent(db: Executor, id: string, worker: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable("outbox_message")
    .set({
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
export async function markAttemptFailed(
  db: Executor,
  id: string,
  worker: string,
  error: string,
  retryAt: number | null,
): Promise<void> {
  await db
    .updateTable("outbox_message")
    .set({
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
    .execute();
}

/** Gives back what a stopping worker claimed but did not send: due again at once. */
export async function releaseClaims(db: Executor, worker: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("outbox_message")
    .set({ state: "queued", leased_by: null, lease_until: null })
    .where("leased_by", "=", worker)
    .where("state", "=", "sending")
    .where("id", "in", ids)
    .execute();
}

/** "Reenviar": a failed (or sent) e-mail is queued again now, its attempts counted from zero. */
export async function requeue(db: Executor, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("outbox_message")
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

export interface OutboxListRow extends OutboxRow {
  ticket_number: number | null;
}

/** Newest first, keyset on (created_at, id). */
/**
 * "Caixa de saída", newest first: all e-mails by id (UUIDv7, so creation order, on the primary key),
 * or one state's by its last or next attempt (the claim index: state, next_attempt_at, id).
 */
export function listOutbox(...args: Parameters<typeof buildOutboxList>): Promise<OutboxListRow[]> {
  return buildOutboxList(...args).execute();
}

export function buildOutboxList(
  db: Executor,
  /** `after.key`: the last row's next_attempt_at when listing one state (ignored otherwise). */
  filter: { state?: OutboxState; after?: { key: number; id: string }; limit: number },
) {
  let query = db
    .selectFrom("outbox_message")
    .leftJoin("ticket", "ticket.id", "outbox_message.ticket_id")
    .selectAll("outbox_message")
    .select("ticket.number as ticket_number");
  const after = filter.after;
  if (filter.state) {
    query = query.where("outbox_message.state", "=", filter.state);
    if (after) {
      const key = after.key;
      query = query.where((eb) =>
        eb.or([
          eb("outbox_message.next_attempt_at", "<", key),
          eb.and([eb("outbox_message.next_attempt_at", "=", key), eb("outbox_message.id", "<", after.id)]),
        ]),
      );
    }
    query = query.orderBy("outbox_message.next_attempt_at", "desc");
  } else if (after) {
    query = query.where("outbox_message.id", "<", after.id);
  }
  return query.orderBy("outbox_message.id", "desc").limit(filter.limit);
}

export function findOutboxMessage(db: Executor, id: string): Promise<OutboxListRow | undefined> {
  return db
    .selectFrom("outbox_message")
    .leftJoin("ticket", "ticket.id", "outbox_message.ticket_id")
    .selectAll("outbox_message")
    .select("ticket.number as ticket_number")
    .where("outbox_message.id", "=", id)
    .executeTakeFirst();
}

/** How many wait and the oldest's age: what to alert on. */
export async function outboxDepth(db: Executor): Promise<{ waiting: number; oldestAt: number | null }> {
  const row = await db
    .selectFrom("outbox_message")
    .select((eb) => [eb.fn.countAll<number>().as("waiting"), eb.fn.min("next_attempt_at").as("oldest")])
    .where("state", "in", ["queued", "sending"])
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), oldestAt: row.oldest === null ? null : Number(row.oldest) };
}

/** How long "Caixa de saída" keeps an e-mail once sent; failed ones stay until sent again. */
export const OUTBOX_KEEP_DAYS = 90;

/** Deletes e-mails sent (written) before `before`; the outbox's size follows the traffic, not the years. */
export async function purgeSentEmails(db: Executor, before: number): Promise<number> {
  const result = await db
    .deleteFrom("outbox_message")
    .where("state", "=", "sent")
    .where("created_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
