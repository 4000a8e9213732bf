// Endpoint and delivery rows → contract shapes (never the secret: only creation and rotation show it).
import type { Webhook, WebhookDelivery } from "../../../contracts/webhooks";
import { json } from "../../db/json";
import { toIso, toIsoOrNull } from "../../db/time";
import type { DeliveryListRow, WebhookEndpointRow } from "./repository";

export function presentWebhook(row: WebhookEndpointRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: json.webhookEvents.decode(row.events),
    internal: row.internal === 1,
    active: row.active === 1,
    disabledReason: row.active === 1 ? null : row.disabled_reason,
    lastAttempt:
      row.last_attempt_at === null
        ? null
        : { at: toIso(row.last_attempt_at), ok: row.last_attempt_ok === 1, statusCode: row.last_status_code },
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function presentDelivery(row: DeliveryListRow): WebhookDelivery {
  return {
    id: row.id,
    event: row.event,
    state: row.state,
    attempts: row.attempts,
    statusCode: row.last_status_code,
    durationMs: row.last_duration_ms,
    response: row.last_response,
    lastError: row.last_error,
    ticketNumber: row.ticket_number,
    createdAt: toIso(row.created_at),
    deliveredAt: toIsoOrNull(row.sent_at),
    nextAttemptAt: row.state === "queued" ? toIso(row.next_attempt_at) : null,
  };
}
