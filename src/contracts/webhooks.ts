// Webhooks ("Integrações" → "Webhooks"): endpoints the vendor's own systems register to hear of
// tickets, signed by the Standard Webhooks specification, and the deliveries made to each.
import { z } from "zod";
import { Id, Instant, PageQuery, pageOf } from "./common";
import { OutboxState } from "./outbox";

/** What an endpoint may subscribe to; each delivery's body is `{type, timestamp, data}`. */
export const WebhookEvent = z.enum([
  "ticket.created",
  "ticket.updated",
  "message.created",
  "sla.warning",
  "sla.breached",
  "estimate.approved",
  "estimate.declined",
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** `whsec_` + base64 of 24–64 bytes: the Standard Webhooks form of a signing secret. */
export const WebhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, { message: "validation.webhook_secret" })
  .refine(
    (value) => {
      // The key's length in bytes, from its base64 (no Buffer here: the web parses contracts too).
      const base64 = value.slice("whsec_".length);
      const bytes = Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0);
      return base64.length % 4 === 0 && bytes >= 24 && bytes <= 64;
    },
    { message: "validation.webhook_secret" },
  );

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: "validation.webhook_url" })
  .max(2000)
  // Credentials in the address would be sent to whoever answers and shown on the page.
  .refine(
    (value) => {
      // Zod runs refinements after a failed check too: an address that does not parse is refused already.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.username === "" && url.password === "";
    },
    { message: "validation.webhook_url" },
  );

const Events = z
  .array(WebhookEvent)
  .min(1, { message: "validation.webhook_events" })
  .transform((events) => [...new Set(events)]);

export const CreateWebhookRequest = z.strictObject({
  url: WebhookUrl,
  events: Events,
  /** Omitted: the server draws one (32 random bytes). */
  secret: WebhookSecret.optional(),
  /** Internal notes reach this endpoint too (`message.created` with `internal: true`). */
  internal: z.boolean().default(false),
});
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>;

export const UpdateWebhookRequest = z.strictObject({
  url: WebhookUrl.optional(),
  events: Events.optional(),
  internal: z.boolean().optional(),
  /** Turning an endpoint back on clears its automatic disabling. */
  active: z.boolean().optional(),
  /**
   * A new secret (drawn by the server): answered once; the old one still signs beside it for
   * 24 hours (SECRET_GRACE_MS), so receivers can switch without losing deliveries.
   */
  rotateSecret: z.literal(true).optional(),
});
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequest>;

/** The outcome of the endpoint's last delivery attempt. */
export const WebhookLastAttempt = z.object({
  at: Instant,
  ok: z.boolean(),
  /** The HTTP status answered; null when none came (refused address, timeout, connection error). */
  statusCode: z.number().int().nullable(),
});

export const Webhook = z.object({
  id: Id,
  url: z.string(),
  events: z.array(WebhookEvent),
  internal: z.boolean(),
  active: z.boolean(),
  /** Set when the endpoint was disabled because it kept failing ("failing"), null otherwise. */
  disabledReason: z.enum(["failing"]).nullable(),
  lastAttempt: WebhookLastAttempt.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Webhook = z.infer<typeof Webhook>;

/** Creation and rotation: the secret, shown only in this answer. */
export const WebhookWithSecret = Webhook.extend({ secret: WebhookSecret });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookList = z.object({ items: z.array(Webhook) });
export type WebhookList = z.infer<typeof WebhookList>;

export const WebhookDeliveryQuery = PageQuery;
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>;

export const WebhookDelivery = z.object({
  /** Also the `webhook-id` header, the same on every attempt and on "reenviar". */
  id: Id,
  event: WebhookEvent,
  /** queued · sending · sent (delivered: a 2xx answer) · failed (after the last attempt). */
  state: OutboxState,
  attempts: z.number().int(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** The first bytes (at most 1 KiB) of the last answer. */
  response: z.string().nullable(),
  lastError: z.string().nullable(),
  ticketNumber: z.number().int().nullable(),
  createdAt: Instant,
  deliveredAt: Instant.nullable(),
  nextAttemptAt: Instant.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = pageOf(WebhookDelivery);
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

export const WebhookParams = z.strictObject({ id: Id });
export const WebhookDeliveryParams = z.strictObject({ id: Id, deliveryId: Id });
