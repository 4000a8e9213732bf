// Notifications people raise for each other on a ticket (an assignment, an @mention): written in the
// command's transaction, announced on each recipient's own live stream after it commits.
import type { NotificationType } from "../../../contracts/notifications";
import { newId } from "../../crypto";
import type { Executor } from "../../db/schema";
import type { LiveEvent } from "../../events/bus";
import { insertNotifications } from "./repository";

export interface PersonalNotice {
  type: Extract<NotificationType, "ticket_assigned" | "mention">;
  ticketId: string;
  recipientIds: readonly string[];
  /** Who assigned or mentioned. */
  actorId: string;
  at: number;
}

/** One notification per recipient (each once), in the caller's transaction. */
export async function notifyPeople(trx: Executor, notice: PersonalNotice): Promise<void> {
  await insertNotifications(
    trx,
    [...new Set(notice.recipientIds)].map((recipientId) => ({
      id: newId(),
      recipient_id: recipientId,
      type: notice.type,
      ticket_id: notice.ticketId,
      metric: null,
      created_at: notice.at,
      read_at: null,
      actor_id: notice.actorId,
    })),
  );
}

/** The live "notification" event each recipient's bell listens for. */
export function notificationEvents(
  recipientIds: readonly string[],
  ticketNumber: number,
  at: number,
): LiveEvent[] {
  return [...new Set(recipientIds)].map((userId) => ({
    type: "notification",
    audience: { kind: "user", userId },
    data: { ticketNumber },
    at,
  }));
}
