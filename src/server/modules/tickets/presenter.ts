// Ticket rows to the contract's shapes. Internal events were already left out for customers by
// the repository; nothing here queries.
import { isStaffRole } from "../../../contracts/common";
import type {
  Attachment,
  Ticket,
  TicketChange,
  TicketEvent,
  TicketSummary,
} from "../../../contracts/tickets";
import type { Actor } from "../../../domain/policies";
import type { Clock } from "../../../domain/sla/ticket-clocks";
import { ticketAbilities } from "../../../domain/tickets/policies";
import { reopenDeadline } from "../../../domain/tickets/status";
import { toIso, toIsoOrNull } from "../../db/time";
import type { AttachmentRow } from "../attachments/repository";
import type { LinkedTicketRow } from "../relations/repository";
import type { SlaPolicy } from "../sla/policy";
import { presentSla } from "../sla/presenter";
import type { EventWithActor, TicketAttachmentRow, TicketPage, TicketSummaryRow } from "./repository";
import { ticketResource } from "./resource";

export function presentAttachment(
  row: Pick<AttachmentRow, "id" | "filename" | "content_type" | "size" | "purged_at">,
): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    url: `/api/v1/attachments/${row.id}`,
    ...(row.purged_at !== null && { removed: true }),
  };
}

export function presentTicketSummary(row: TicketSummaryRow): TicketSummary {
  return {
    number: row.number,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    screenCode: row.screen_code,
    screenName: row.screen_name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    companyId: row.company_id,
    companyName: row.company_name,
    requester: {
      id: row.requester_id,
      name: row.requester_name,
      staff: isStaffRole(row.requester_role),
    },
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function presentEvent(row: EventWithActor, attachments: TicketAttachmentRow[]): TicketEvent {
  return {
    id: row.id,
    type: row.type,
    at: toIso(row.created_at),
    actor:
      row.actor_id && row.actor_name && row.actor_role
        ? { id: row.actor_id, name: row.actor_name, staff: isStaffRole(row.actor_role) }
        : null,
    internal: row.internal === 1,
    bodyHtml: row.body_html,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    fromPriority: row.from_priority,
    toPriority: row.to_priority,
    metric: row.metric,
    toKind: row.to_kind,
    fromValue: row.from_value,
    toValue: row.to_value,
    durationMinutes: row.duration_minutes,
    relatedTicketNumber: row.related_number,
    attachments: attachments.filter((a) => a.event_id === row.id).map(presentAttachment),
  };
}

/** A change listed in a stale update's 409: the event without its text or files. */
export function presentTicketChange(row: EventWithActor): TicketChange {
  const { id: _id, bodyHtml: _body, attachments: _files, ...change } = presentEvent(row, []);
  return change;
}

export interface TicketView {
  ticket: TicketPage["ticket"];
  events: EventWithActor[];
  attachments: TicketAttachmentRow[];
  clocks: Clock[];
  policy: SlaPolicy | null;
  links: LinkedTicketRow[];
  /** Staff only; empty for customers. */
  tags: string[];
}

export function presentTicket(
  view: TicketView,
  options: { actor: Actor; reopenWindowMs: number; now: number },
): Ticket {
  const { ticket, events, attachments, clocks, policy, links } = view;
  const status = ticket.status;
  const reopenUntil = reopenDeadline(status, ticket.resolved_at, options.reopenWindowMs);
  const staff = isStaffRole(options.actor.role);
  return {
    ...presentTicketSummary(ticket),
    sla: presentSla(policy, clocks, ticket.priority, options.now),
    description: ticket.description,
    descriptionHtml: ticket.description_html,
    exampleRecord: ticket.example_record,
    channel: ticket.channel,
    kind: ticket.kind,
    version: ticket.version,
    relatedTicketNumber: ticket.related_number,
    mergedIntoNumber: ticket.merged_into_number,
    links,
    resolvedAt: toIsoOrNull(ticket.resolved_at),
    reopenUntil: toIsoOrNull(reopenUntil),
    abilities: ticketAbilities(options.actor, ticketResource(ticket), options),
    attachments: attachments.map(presentAttachment),
    events: events.map((row) => presentEvent(row, attachments)),
    assignee:
      ticket.assignee_id && ticket.assignee_name
        ? { id: ticket.assignee_id, name: ticket.assignee_name }
        : null,
    tags: staff ? view.tags : [],
  };
}
