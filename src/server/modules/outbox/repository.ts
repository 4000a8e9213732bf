// The outbox's e-mails: rows written in a command's transaction, claimed by the delivery worker through
// the lease queue (lease-queue.ts), and listed on "Caixa de saída".
import type { EmailPurpose, OutboxState } from "../../../contracts/outbox";
import { json } from "../../db/json";
import { PreparedInsert } from "../../db/prepared";
import type { Executor, OutboxMessageTable } from "../../db/schema";
import { queuedAt } from "./lease-queue";

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

const emailInsert = new PreparedInsert("outbox_message");

export async function insertEmails(db: Executor, emails: readonly NewEmail[], at: number): Promise<void> {
  await emailInsert.execute(
    db,
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
      ...queuedAt(at),
    })),
  );
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
