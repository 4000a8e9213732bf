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
import { type ResultCodec, ticketNumberCodec } from "../idempotency/service";
import { ticketSettingsOf } from "../settings/service";
import { loadPolicy, policyForCompany } from "../sla/policy";
import { NO_DUE, priorityOrder } from "../sla/queue-keys";
import { type TicketAccess, type TicketTransaction, type TicketWrite, ticketCommand } from "./command";
import { applyFieldChanges } from "./field-changes";
import { mentionsInNote } from "./mentions";
import { nextTicketNumber } from "./number-repository";
import type { TicketDetail } from "./read-service";
import { findOpeningNames, findTicketRow, openedTicketPage } from "./repository";

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

/** A ticket just opened by a command, and its page as that command wrote it. */
export interface OpenedTicket {
  ticket: TicketWrite;
  /** The new ticket's page, without reading back what the command wrote (the opening's answer). */
  page: () => Promise<TicketDetail>;
}

/**
 * Opens a ticket inside a ticket command: the row, its SLA clocks under the company's plan, the
 * opening event and its files. Shared by the portal's form and the console's phone log.
 */
export async function openTicketIn(tx: TicketTransaction, opening: TicketOpening): Promise<OpenedTicket> {
  const { trx, now } = tx;
  const { requester, props } = opening;
  // What the ticket names, in one statement: on PostgreSQL every statement is a round trip.
  const named = await findOpeningNames(trx, {
    categoryId: props.categoryId,
    screenCode: props.screenCode,
    companyId: requester.companyId,
    requesterId: requester.id,
    actorId: opening.actorId,
  });
  if (!named) throw errors.field("categoryId", "validation.category_unknown", props);
  const { screen_name } = named;
  if (screen_name === null) throw errors.field("screenCode", "validation.screen_unknown", props);
  const names = { ...named, screen_name };
  const related = props.relatedTicketNumber
    ? await findTicketRow(trx, { kind: "company", companyId: requester.companyId }, props.relatedTicketNumber)
    : undefined;
  if (props.relatedTicketNumber && !related) {
    throw errors.field("relatedTicketNumber", "validation.ticket_unknown", props);
  }
  const policy = await policyForCompany(trx, requester.companyId, opening.slaWarningShare);
  const { ticket, opened, clocks } = await tx.create(
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
      sla_policy_id: policy ? await tx.policySnapshot(policy) : null,
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
    names.company_name,
  );
  await claimAttachments(
    trx,
    props.attachmentIds,
    opening.actorId,
    { ticketId: ticket.row.id, eventId: opened.id },
    props,
  );
  ticket.happen({ type: "opened", channel: opening.channel });
  const page = async (): Promise<TicketDetail> => {
    const written = await openedTicketPage(trx, {
      row: ticket.row,
      opened,
      names,
      relatedNumber: related?.number ?? null,
      withAttachments: props.attachmentIds.length > 0,
    });
    // In the order the page reads them: by metric, then cycle.
    const sorted = [...clocks].sort((a, b) =>
      a.metric === b.metric ? a.cycle - b.cycle : a.metric < b.metric ? -1 : 1,
    );
    return { ...written, clocks: sorted, policy: await loadPolicy(trx, ticket.row.sla_policy_id) };
  };
  return { ticket, page };
}

/** The Idempotency-Key of a command, if the request carried one. */
function idempotencyOf<R>(
  actor: Actor,
  key: string | undefined,
  operation: string,
  request: unknown,
  codec: ResultCodec<R>,
) {
  if (key === undefined) return undefined;
  return { key: { userId: actor.userId, key, operation, request }, codec };
}

/** A ticket the portal opened: its number and, unless the request was a retry, its page. */
export interface PortalOpening {
  number: number;
  page?: TicketDetail | undefined;
}

/** A retry replays the number alone (stored as `ticketNumberCodec` stores it); its page is read. */
const portalOpeningCodec: ResultCodec<PortalOpening> = {
  encode: (opening) => ticketNumberCodec.encode(opening.number),
  decode: (json) => ({ number: ticketNumberCodec.decode(json) }),
};

/**
 * A customer opens a ticket for their company; returns its number (the first one's, on a retry) and
 * its page as the command wrote it.
 */
export async function openTicket(
  ctx: AppContext,
  actor: Actor,
  props: CreateTicketRequest,
  idempotencyKey?: string,
): Promise<PortalOpening> {
  const idempotency = idempotencyOf(actor, idempotencyKey, "tickets.create", props, portalOpeningCodec);
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
      const opened = await openTicketIn(tx, opening);
      return { number: opened.ticket.row.number, page: await opened.page() };
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
  const idempotency = idempotencyOf(
    actor,
    idempotencyKey,
    "tickets.message",
    { number, ...props },
    ticketNumberCodec,
  );
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
