// The outbox: e-mails (and, later, webhook deliveries) written in the transaction of the change that
// causes them and delivered by a worker afterwards. What admins read on "Caixa de saída".
import { z } from "zod";

/**
 * queued: waiting for its turn (or for SMTP to be configured); sending: claimed by one process's
 * worker until its lease ends; sent; failed: the last attempt failed (kept, "reenviar" queues it again).
 */
export const OutboxState = z.enum(["queued", "sending", "sent", "failed"]);
export type OutboxState = z.infer<typeof OutboxState>;

/** Why the e-mail was written: the template it was rendered from. */
export const EmailPurpose = z.enum([
  "ticket_opened",
  "ticket_reply",
  "ticket_waiting_customer",
  "ticket_resolved",
  "ticket_merged",
  "estimate_pending",
  "staff_customer_reply",
  "staff_new_ticket",
  "staff_assigned",
  "staff_mentioned",
  "staff_sla_warning",
  "staff_sla_breach",
  "account_invitation",
  "password_reset",
  "inbound_not_a_reply",
  "webhook_disabled",
]);
export type EmailPurpose = z.infer<typeof EmailPurpose>;

/** The optional e-mails a person may turn off on "Meu perfil"; account e-mails are always sent. */
export const EmailTopic = z.enum(["ticket_updates", "estimates", "ticket_activity", "sla_alerts"]);
export type EmailTopic = z.infer<typeof EmailTopic>;

/** Which topic an e-mail belongs to; undefined: always sent (accounts, answers to inbound mail). */
export function topicOf(purpose: EmailPurpose): EmailTopic | undefined {
  switch (purpose) {
    case "ticket_opened":
    case "ticket_reply":
    case "ticket_waiting_customer":
    case "ticket_resolved":
    case "ticket_merged":
      return "ticket_updates";
    case "estimate_pending":
      return "estimates";
    case "staff_customer_reply":
    case "staff_new_ticket":
    case "staff_assigned":
    case "staff_mentioned":
      return "ticket_activity";
    case "staff_sla_warning":
    case "staff_sla_breach":
      return "sla_alerts";
    default:
      return undefined;
  }
}

/** GET/PUT /api/v1/me/notification-preferences: every topic the person may receive, on or off. */
export const EmailPreferences = z.strictObject({
  ticket_updates: z.boolean(),
  estimates: z.boolean(),
  ticket_activity: z.boolean(),
  sla_alerts: z.boolean(),
});
export type EmailPreferences = z.infer<typeof EmailPreferences>;

export const OutboxListQuery = z.object({
  state: OutboxState.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

export const OutboxSummary = z.object({
  id: z.string(),
  purpose: EmailPurpose,
  to: z.string(),
  subject: z.string(),
  state: OutboxState,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  ticketNumber: z.number().int().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

export const OutboxPage = z.object({
  items: z.array(OutboxSummary),
  nextCursor: z.string().nullable(),
  /** Whether SMTP is configured: without it, queued e-mails wait here and nothing is sent. */
  delivering: z.boolean(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

export const OutboxDetail = OutboxSummary.extend({
  messageId: z.string(),
  replyTo: z.string().nullable(),
  text: z.string(),
  html: z.string(),
});
export type OutboxDetail = z.infer<typeof OutboxDetail>;
