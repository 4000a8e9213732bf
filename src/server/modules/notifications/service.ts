// Staff notifications: listed, counted and marked read by their recipient only.
import type { MarkNotificationsReadRequest } from "../../../contracts/notifications";
import type { AppContext } from "../../context";
import { decodeCursor, toPage } from "../../db/cursor";
import { errors } from "../../errors";
import { countUnread, listNotifications, markRead } from "./repository";

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
