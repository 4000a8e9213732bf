// Which webhook deliveries a ticket command writes: its happenings read as events, each written as one
// delivery row per active endpoint subscribed to it, in the command's transaction (a change that rolls
// back delivers nothing). The body is made here, once, so every attempt sends the same bytes.
//
// The `data` of each event (documented in docs/webhooks.md):
//   every event: `ticket` — {number, subject, status, priority, kind, channel, company: {id, name},
//                assignee: {id, name} | null, createdAt, updatedAt}
//   ticket.updated: `changes` — [{field: "status" | "priority" | "kind" | "assignee", from, to}]
//   message.created: `message` — {id, internal, author: "staff" | "customer", authorName, body, createdAt}
//   sla.warning, sla.breached: `metric` — first_response | next_response | resolution
//   estimate.approved, estimate.declined: `estimate` — {id, minutes, description, status, decidedAt}
// Internal notes reach only the endpoints marked internal.
import type { WebhookEvent } from "../../../contracts/webhooks";
import { newId } from "../../crypto";
import type { Executor } from "../../db/schema";
import { toIso, toIsoOrNull } from "../../db/time";
import type { CommandOutcome } from "../tickets/effects";
import type { TicketHappening } from "../tickets/happenings";
import { activeEndpoints, insertDeliveries, type NewDelivery } from "./repository";

/** One event of a command, before it is addressed to endpoints. */
interface PendingEvent {
  type: WebhookEvent;
  /** Only for endpoints marked internal (an internal note). */
  internal: boolean;
  data: (ticket: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

type TicketChange = { field: "status" | "priority" | "kind" | "assignee"; from: unknown; to: unknown };

const mayDeliver = (h: TicketHappening) =>
  h.type === "opened" ||
  h.type === "message" ||
  h.type === "status_changed" ||
  h.type === "priority_changed" ||
  h.type === "kind_changed" ||
  h.type === "assigned" ||
  h.type === "sla" ||
  (h.type === "estimate" && (h.action === "approved" || h.action === "declined"));

/** An endpoint gets an event it subscribed to; an internal note only when it is marked internal. */
const reaches = (endpoint: { events: readonly string[]; internal: boolean }, event: PendingEvent) =>
  endpoint.events.includes(event.type) && (!event.internal || endpoint.internal);

/** Writes the deliveries of the commands' tickets; returns how many. */
export async function recordWebhookDeliveries(
  trx: Executor,
  outcomes: readonly CommandOutcome[],
  at: number,
): Promise<number> {
  if (!outcomes.some((outcome) => outcome.happenings.some(mayDeliver))) return 0;
  const endpoints = await activeEndpoints(trx);
  if (endpoints.length === 0) return 0;
  const deliveries: NewDelivery[] = [];
  for (const outcome of outcomes) {
    const events = eventsOf(trx, outcome);
    const subscribed = events.filter((event) => endpoints.some((endpoint) => reaches(endpoint, event)));
    if (subscribed.length === 0) continue;
    const ticket = await ticketData(trx, outcome.ticketId);
    for (const event of subscribed) {
      const payload = JSON.stringify({
        type: event.type,
        timestamp: toIso(at),
        data: await event.data(ticket),
      });
      for (const endpoint of endpoints) {
        if (!reaches(endpoint, event)) continue;
        deliveries.push({
          id: newId(),
          endpointId: endpoint.id,
          event: event.type,
          payload,
          ticketId: outcome.ticketId,
        });
      }
    }
  }
  await insertDeliveries(trx, deliveries, at);
  return deliveries.length;
}

function eventsOf(trx: Executor, { ticketId, happenings }: CommandOutcome): PendingEvent[] {
  const events: PendingEvent[] = [];
  const changes: TicketChange[] = [];
  for (const h of happenings) {
    switch (h.type) {
      case "opened":
        events.push({ type: "ticket.created", internal: false, data: async (ticket) => ({ ticket }) });
        break;
      case "message":
        events.push({
          type: "message.created",
          internal: h.internal,
          data: async (ticket) => ({ ticket, message: await messageData(trx, ticketId, h.eventId, h.by) }),
        });
        break;
      case "status_changed":
        changes.push({ field: "status", from: h.from, to: h.to });
        break;
      case "priority_changed":
        changes.push({ field: "priority", from: h.from, to: h.to });
        break;
      case "kind_changed":
        changes.push({ field: "kind", from: h.from, to: h.to });
        break;
      case "assigned":
        changes.push({ field: "assignee", from: h.from, to: h.to });
        break;
      case "sla":
        events.push({
          type: h.state === "warning" ? "sla.warning" : "sla.breached",
          internal: false,
          data: async (ticket) => ({ ticket, metric: h.metric }),
        });
        break;
      case "estimate":
        if (h.action === "approved" || h.action === "declined") {
          events.push({
            type: h.action === "approved" ? "estimate.approved" : "estimate.declined",
            internal: false,
            data: async (ticket) => ({ ticket, estimate: await estimateData(trx, h.estimateId) }),
          });
        }
        break;
      default:
        break;
    }
  }
  // One update per command, naming each field that moved (a new ticket's own values are no update).
  if (changes.length > 0 && !happenings.some((h) => h.type === "opened")) {
    events.push({ type: "ticket.updated", internal: false, data: async (ticket) => ({ ticket, changes }) });
  }
  return events;
}

async function ticketData(trx: Executor, ticketId: string): Promise<Record<string, unknown>> {
  const row = await trx
    .selectFrom("ticket")
    .innerJoin("company", "company.id", "ticket.company_id")
    .leftJoin("app_user as assignee", "assignee.id", "ticket.assignee_id")
    .select([
      "ticket.number",
      "ticket.subject",
      "ticket.status",
      "ticket.priority",
      "ticket.kind",
      "ticket.channel",
      "ticket.company_id",
      "company.name as company_name",
      "ticket.assignee_id",
      "assignee.name as assignee_name",
      "ticket.created_at",
      "ticket.updated_at",
    ])
    .where("ticket.id", "=", ticketId)
    .executeTakeFirstOrThrow();
  return {
    number: row.number,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    kind: row.kind,
    channel: row.channel,
    company: { id: row.company_id, name: row.company_name },
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name } : null,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

async function messageData(trx: Executor, ticketId: string, eventId: string, author: "staff" | "customer") {
  const row = await trx
    .selectFrom("ticket_event")
    .leftJoin("app_user", "app_user.id", "ticket_event.actor_id")
    .select([
      "ticket_event.id",
      "ticket_event.internal",
      "ticket_event.body",
      "ticket_event.created_at",
      "app_user.name",
    ])
    .where("ticket_event.id", "=", eventId)
    .where("ticket_event.ticket_id", "=", ticketId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    internal: row.internal === 1,
    author,
    authorName: row.name,
    body: row.body ?? "",
    createdAt: toIso(row.created_at),
  };
}

async function estimateData(trx: Executor, estimateId: string) {
  const row = await trx
    .selectFrom("consultancy_estimate")
    .select(["id", "minutes", "description", "status", "decided_at"])
    .where("id", "=", estimateId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    minutes: row.minutes,
    description: row.description,
    status: row.status,
    decidedAt: toIsoOrNull(row.decided_at),
  };
}
