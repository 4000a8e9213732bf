// "Caixa de saída": what the outbox holds, newest first, and "reenviar" (audited).
import type { OutboxDetail, OutboxListQuery, OutboxPage, OutboxSummary } from "../../../contracts/outbox";
import type { AppContext, CommandMeta } from "../../context";
import { decodeCursor, toPage } from "../../db/cursor";
import { toIso, toIsoOrNull } from "../../db/time";
import { errors } from "../../errors";
import { recordAudit } from "../audit/repository";
import { requeue } from "./lease-queue";
import { findOutboxMessage, listOutbox, type OutboxListRow } from "./repository";

function summary(row: OutboxListRow): OutboxSummary {
  return {
    id: row.id,
    purpose: row.purpose,
    to: row.to_address,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    ticketNumber: row.ticket_number,
    createdAt: toIso(row.created_at),
    sentAt: toIsoOrNull(row.sent_at),
    nextAttemptAt: row.state === "queued" ? toIso(row.next_attempt_at) : null,
  };
}

export async function pageOutbox(ctx: AppContext, query: OutboxListQuery): Promise<OutboxPage> {
  let after: { key: number; id: string } | undefined;
  if (query.cursor) {
    const [key, id] = decodeCursor(query.cursor, 2);
    if (typeof key !== "number" || typeof id !== "string")
      throw errors.field("cursor", "validation.invalid_format", { cursor: query.cursor });
    after = { key, id };
  }
  const rows = await listOutbox(ctx.db, { state: query.state, after, limit: query.limit + 1 });
  // The page's order (see listOutbox): by id, or within one state by attempt time, then id.
  const page = toPage(rows, query.limit, (row) => [query.state ? row.next_attempt_at : 0, row.id]);
  return {
    items: page.rows.map(summary),
    nextCursor: page.nextCursor,
    delivering: ctx.config.mail.smtpUrl !== undefined,
  };
}

/**
 * One-time links are the recipient's alone: the outbox shows an account e-mail with its token
 * hidden (an admin who needs a link issues one on the person's page, audited).
 */
const hideTokens = (text: string) => text.replace(/#token=[A-Za-z0-9_-]+/g, "#token=…");

export async function outboxMessage(ctx: AppContext, id: string): Promise<OutboxDetail> {
  const row = await findOutboxMessage(ctx.db, id);
  if (!row) throw errors.notFound("outbox.not_found");
  return {
    ...summary(row),
    messageId: row.message_id,
    replyTo: row.reply_to,
    text: hideTokens(row.text_body),
    html: hideTokens(row.html_body),
  };
}

/** Queues a failed or sent e-mail again, now; refused (409) while it still waits or is being sent. */
export async function resendOutboxMessage(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
): Promise<OutboxDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findOutboxMessage(trx, id);
    if (!row) throw errors.notFound("outbox.not_found");
    const now = ctx.clock.now();
    if (!(await requeue(trx, "outbox_message", id, now))) throw errors.conflict("outbox.not_resendable");
    await recordAudit(trx, meta, now, {
      action: "outbox.resend",
      targetType: "outbox_message",
      targetId: id,
      details: { to: row.to_address, subject: row.subject, previousState: row.state },
    });
  });
  ctx.mailer?.nudge();
  return outboxMessage(ctx, id);
}
