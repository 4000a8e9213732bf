// In-app notifications for the support team: the bell's list, its unread count and marking as read.
import { z } from "zod";
import { Id, Instant, PageQuery, pageOf } from "./common";
import { SlaMetric } from "./tickets";

/**
 * What happened: a deadline is "vence em breve" or "violado"; a ticket was assigned to you; a
 * colleague mentioned you in an internal note. Later issues add more types.
 */
export const NotificationType = z.enum(["sla_warning", "sla_breach", "ticket_assigned", "mention"]);
export type NotificationType = z.infer<typeof NotificationType>;

export const NotificationListQuery = PageQuery.extend({
  /** "true": unread ones only; otherwise read and unread alike. */
  unread: z.enum(["true", "false"]).optional(),
});

export const Notification = z.object({
  id: Id,
  type: NotificationType,
  /** SLA notifications: which deadline; null for other types. */
  metric: SlaMetric.nullable(),
  ticket: z.object({ number: z.number().int(), subject: z.string(), companyName: z.string() }),
  /** Who assigned or mentioned; null for SLA alerts (and for notifications older than this field). */
  actorName: z.string().nullable(),
  createdAt: Instant,
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

/** Newest first. */
export const NotificationPage = pageOf(Notification);
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadNotificationCount = z.object({ count: z.number().int() });
export type UnreadNotificationCount = z.infer<typeof UnreadNotificationCount>;

/** Either some notifications by id or all of them; ids that are not the caller's are ignored. */
export const MarkNotificationsReadRequest = z
  .strictObject({
    ids: z.array(Id).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .superRefine((request, ctx) => {
    if ((request.ids === undefined) === (request.all === undefined)) {
      ctx.addIssue({ code: "custom", path: ["ids"], message: "validation.notifications_target" });
    }
  });
export type MarkNotificationsReadRequest = z.infer<typeof MarkNotificationsReadRequest>;

export const MarkNotificationsReadResult = z.object({
  /** How many of the caller's notifications went from unread to read. */
  marked: z.number().int(),
  /** What the bell shows now. */
  unreadCount: z.number().int(),
});
export type MarkNotificationsReadResult = z.infer<typeof MarkNotificationsReadResult>;
