// Notification rows to the contract's shape.
import type { Notification } from "../../../contracts/notifications";
import { toIso } from "../../db/time";
import type { NotificationWithTicket } from "./repository";

export function presentNotification(row: NotificationWithTicket): Notification {
  return {
    id: row.id,
    type: row.type,
    metric: row.metric,
    ticket: { number: row.ticket_number, subject: row.ticket_subject, companyName: row.company_name },
    actorName: row.actor_name,
    createdAt: toIso(row.created_at),
    read: row.read_at !== null,
  };
}
