// Staff notifications: raised inside the transaction of whatever happened, then listed, counted and
// marked read by their recipient only.
import type { Role } from "../../../contracts/common";
import type { MarkNotificationsReadRequest, NotificationType } from "../../../contracts/notifications";
import type { AppContext } from "../../context";
import { newId } from "../../crypto";
import { decodeCursor, toPage } from "../../db/cursor";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import type { Metric } from "../sla/repository";
import {
  activeStaffAndAssignees,
  countUnread,
  insertNotifications,
  listNotifications,
  markRead,
} from "./repository";

/** Who hears about every SLA warning and breach, besides the ticket's assignee. */
export const SLA_ALERT_ROLES: readonly Role[] = ["supervisor", "admin"];

export interface SlaAlert {
  ticketId: string;
  type: Extract<NotificationType, "sla_warning" | "sla_breach">;
  metric: Metric;
  at: number;
}

/**
 * Raises SLA warnings and breaches, each to its ticket's assignee and every active supervisor and
 * admin. Runs in the caller's transaction, the one that won the clocks' firing claim: a firing that
 * is claimed once notifies each person once. The recipients are read and the notifications written
 * in three statements whatever the number of alerts (the sweeper fires them in batches). Returns
 * each alerted ticket's recipients, which its e-mails go to as well.
 */
export async function notifySlaAlerts(
  trx: Executor,
  alerts: readonly SlaAlert[],
): Promise<Map<string, string[]>> {
  const recipients = await activeStaffAndAssignees(
    trx,
    SLA_ALERT_ROLES,
    alerts.map((alert) => alert.ticketId),
  );
  await insertNotifications(
    trx,
    alerts.flatMap((alert) =>
      (recipients.get(alert.ticketId) ?? []).map((recipientId) => ({
        id: newId(),
        recipient_id: recipientId,
        type: alert.type,
        ticket_id: alert.ticketId,
        metric: alert.metric,
        created_at: alert.at,
        actor_id: null,
        read_at: null,
      })),
    ),
  );
  return recipients;
}

/** A page of the recipient's notifications, newest first. */
export async function pageNotifications(
  ctx: AppContext,
  recipientId: string,
  query: { unread?: "true" | "false" | undefined; cursor?: string | undefined; limit: number },
) {
  const rows = await listNotifications(ctx.db, recipientId, {
    unreadOnly: query.unread === "true",
    after: query.cursor ? decodeNotificationCursor(query.cursor) : undefined,
    limit: query.limit,
  });
  return toPage(rows, query.limit, (row) => [row.created_at, row.id]);
}

function decodeNotificationCursor(cursor: string): { createdAt: number; id: string } {
  const [createdAt, id] = decodeCursor(cursor, 2);
  if (typeof createdAt !== "number" || typeof id !== "string")
    throw errors.field("cursor", "validation.invalid_format", { cursor });
  return { createdAt, id };
}

export const unreadNotificationCount = (ctx: AppContext, recipientId: string): Promise<number> =>
  countUnread(ctx.db, recipientId);

/** Marks some (or all) of the recipient's notifications read; others' ids change nothing. */
export function markNotificationsRead(
  ctx: AppContext,
  recipientId: string,
  props: MarkNotificationsReadRequest,
): Promise<{ marked: number; unreadCount: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const marked = await markRead(trx, recipientId, props.all ? "all" : (props.ids ?? []), ctx.clock.now());
    return { marked, unreadCount: await countUnread(trx, recipientId) };
  });
}
