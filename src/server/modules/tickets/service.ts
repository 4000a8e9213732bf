// Ticket commands: open, reply (or note), change. Each is one ticket command (command.ts): one
// transaction that locks the ticket, writes its history and clocks, and records what happened.
import { isStaffRole } from "../../../contracts/common";
import type {
  AddMessageRequest,
  CreateTicketRequest,
  TicketChannel,
  UpdateTicketRequest,
} from "../../../contracts/tickets";
import type { Actor } from "../../../domain/policies";
import { ticketTextTerms } from "../../../domain/search/documents";
import { ticketPolicies } from "../../../domain/tickets/policies";
import { afterCustomerReply, afterStaffReply, canStaffMove } from "../../../domain/tickets/status";
import type { AppContext } from "../../context";
import { newId } from "../../crypto";
import type { Executor } from "../../db/schema";
import { companyTerm } from "../../db/search";
import { errors } from "../../errors";
import { renderMarkdown } from "../../markdown";
import { claimPending } from "../attachments/repository";
import { withdrawOpenEstimate } from "../billing/estimates";
import { ticketNumberCodec } from "../idempotency/service";
import { findCategory } from "../kb/repository";
import { findScreen } from "../screens/repository";
import { ticketSettingsOf } from "../settings/service";
import { policyForCompany, snapshotPolicy } from "../sla/policy";
import { NO_DUE, priorityOrder } from "../sla/queue-keys";
import { type TicketAccess, type TicketTransaction, type TicketWrite, ticketCommand } from "./command";
import { applyFieldChanges } from "./field-changes";
import { mentionsInNote } from "./mentions";
import { nextTicketNumber } from "./number-repository";
import { findTicketRow } from "./repository";

async function claimAttachments(
  trx: Executor,
  ids: readonly string[],
  uploaderId: string,
  target: { ticketId: string; eventId: string },
  input: unknown,
): Promise<void> {
  const unique = [...new Set(ids)];
  const claimed = await claimPending(trx, unique, uploaderId, target);
  if (claimed !== unique.length) throw errors.field("attachmentIds", "validation.attachment_unknown", input);
}

/** Who a new ticket is for, who writes it down and how it came in. */
export interface TicketOpening {
  /** The customer whose company the ticket belongs to. */
  requester: { id: string; companyId: string };
  /** Who the opening event names: the requester in the portal, the agent on the phone. */
  actorId: string;
  channel: TicketChannel;
  props: CreateTicketRequest;
  /** The warning share in force (the settings are read before the command's transaction). */
  slaWarningShare: number;
}

/**
 * Opens a ticket inside a ticket command: the row, its SLA clocks under the company's plan, the
 * opening event and its files. Shared by the portal's form and the console's phone log.
 */
export async function openTicketIn(tx: TicketTransaction, opening: TicketOpening): Promise<TicketWrite> {
  const { trx, now } = tx;
  const { requester, props } = opening;
  if (!(await findCategory(trx, props.categoryId)))
    throw errors.field("categoryId", "validation.category_unknown", props);
  if (!(await findScreen(trx, props.screenCode)))
    throw errors.field("screenCode", "validation.screen_unknown", props);
  const related = props.relatedTicketNumber
    ? await findTicketRow(trx, { kind: "company", companyId: requester.companyId }, props.relatedTicketNumber)
    : undefined;
  if (props.relatedTicketNumber && !related) {
    throw errors.field("relatedTicketNumber", "validation.ticket_unknown", props);
  }
  const policy = await policyForCompany(trx, requester.companyId, opening.slaWarningShare);
  const { ticket, openedEventId } = await tx.create(
    {
      id: newId(),
      number: await nextTicketNumber(trx),
      company_id: requester.companyId,
      requester_id: requester.id,
      category_id: props.categoryId,
      screen_code: props.screenCode,
      subject: props.subject,
      description: props.description,
      description_html: renderMarkdown(props.description),
      example_record: props.exampleRecord,
      priority: props.priority,
      status: "open",
      channel: opening.channel,
      kind: "support",
      assignee_id: null,
      related_ticket_id: related?.id ?? null,
      version: 1,
      search_terms: [companyTerm(requester.companyId), ...ticketTextTerms(props)].join(" "),
      sla_policy_id: policy ? await snapshotPolicy(trx, policy, now) : null,
      created_at: now,
      updated_at: now,
      resolved_at: null,
      // The clocks set the due keys when they start.
      queue_due_at: NO_DUE,
      queue_warn_at: null,
      priority_order: priorityOrder(props.priority),
      merged_into_id: null,
    },
    policy,
  );
  await claimAttachments(
    trx,
    props.attachmentIds,
    opening.actorId,
    { ticketId: ticket.row.id, eventId: openedEventId },
    props,
  );
  ticket.happen({ type: "opened", channel: opening.channel });
  return ticket;
}

/** The Idempotency-Key of a command answering a ticket number, if the request carried one. */
function idempotencyOf(actor: Actor, key: string | undefined, operation: string, request: unknown) {
  if (key === undefined) return undefined;
  return { key: { userId: actor.userId, key, operation, request }, codec: ticketNumberCodec };
}

/** A customer opens a ticket for their company; returns its number (the first one's, on a retry). */
export async function openTicket(
  ctx: AppContext,
  actor: Actor,
  props: CreateTicketRequest,
  idempotencyKey?: string,
): Promise<number> {
  const idempotency = idempotencyOf(actor, idempotencyKey, "tickets.create", props);
  const { slaWarningShare } = await ticketSettingsOf(ctx);
  return ticketCommand(
    ctx,
    actor,
    async (tx) => {
      const requester = { id: actor.userId, companyId: actor.companyId ?? "" };
      const opening = {
        requester,
        actorId: actor.userId,
        channel: "portal" as const,
        props,
        slaWarningShare,
      };
      return (await openTicketIn(tx, opening)).row.number;
    },
    { idempotency },
  );
}

/**
 * A reply or an internal note. A customer's reply may move the ticket (back to the team, or
 * reopened); a public staff reply takes a new ticket into work; a note changes nothing visible.
 */
export async function addMessage(
  ctx: AppContext,
  actor: Actor,
  number: number,
  props: AddMessageRequest,
  idempotencyKey?: string,
): Promise<void> {
  const idempotency = idempotencyOf(actor, idempotencyKey, "tickets.message", { number, ...props });
  const staff = isStaffRole(actor.role);
  const moment = { now: ctx.clock.now(), reopenWindowMs: (await ticketSettingsOf(ctx)).reopenWindowMs };
  const access: TicketAccess = props.internal
    ? ticketPolicies.note
    : (who, ticket) => ticketPolicies.reply(who, ticket, moment);
  await ticketCommand(
    ctx,
    actor,
    async (tx) => {
      const ticket = await tx.open(number, access);
      // Only an internal note mentions colleagues (customers cannot write one).
      const mentions = props.internal ? await mentionsInNote(tx.trx, props.body, actor.userId) : undefined;
      const message = await ticket.event({
        type: props.body ? "message" : "attachment_added",
        internal: props.internal ? 1 : 0,
        body: props.body || null,
        body_html: props.body ? renderMarkdown(props.body, mentions?.highlight) : null,
      });
      await claimAttachments(
        tx.trx,
        props.attachmentIds,
        actor.userId,
        { ticketId: ticket.row.id, eventId: message.id },
        props,
      );
      if (!props.internal) {
        if (staff) {
          await ticket.moveTo(afterStaffReply(ticket.status));
        } else {
          const outcome = afterCustomerReply(
            ticket.status,
            ticket.row.resolved_at,
            tx.now,
            moment.reopenWindowMs,
          );
          // The policy refused the other outcomes before anything was written.
          if (outcome.kind === "accepted")
            await ticket.moveTo(outcome.status, { reopened: outcome.reopened });
        }
        ticket.clock({ kind: staff ? "staff_reply" : "customer_message" });
        ticket.searchable(props.body);
      }
      ticket.happen({
        type: "message",
        eventId: message.id,
        by: staff ? "staff" : "customer",
        internal: props.internal,
        mentioned: mentions?.notify ?? [],
      });
      return ticket.row.number;
    },
    { idempotency },
  );
}

/**
 * Staff change status, priority, kind, category, screen, assignee or tags, refusing a stale version
 * (409 listing what changed since) and moves the machine forbids. Every event of the command carries
 * the ticket's new version; `updated_at` moves only when the customer can see the change.
 */
export async function changeTicket(
  ctx: AppContext,
  actor: Actor,
  number: number,
  props: UpdateTicketRequest,
): Promise<void> {
  if (props.kindReason !== undefined && props.kind === undefined)
    throw errors.field("kindReason", "validation.kind_reason_without_kind", props);
  await ticketCommand(ctx, actor, async (tx) => {
    const ticket = await tx.open(number, ticketPolicies.change, { expectedVersion: props.version });
    if (props.status !== undefined && props.status !== ticket.status) {
      if (!canStaffMove(ticket.status, props.status)) throw errors.rule("ticket.invalid_transition");
      await ticket.moveTo(props.status);
    }
    if (props.priority !== undefined) await ticket.prioritize(props.priority);
    if (props.kind !== undefined && props.kind !== ticket.kind) {
      const reason = props.kindReason
        ? { body: props.kindReason, bodyHtml: renderMarkdown(props.kindReason) }
        : undefined;
      await ticket.reclassify(props.kind, reason);
      if (props.kind === "support") await withdrawOpenEstimate(tx, ticket);
    }
    await applyFieldChanges(tx, ticket, props);
  });
}
