// Ticket use cases: open, read, reply (or note), change status or priority. Each command is one
// transaction that writes the ticket, its history newTicketEvent(s) and claims its attachments together.
import { isStaffRole, type Locale } from "../../../contracts/common";
import type {
  AddMessageRequest,
  CreateTicketRequest,
  Priority,
  TicketChannel,
  TicketStatus,
  UpdateTicketRequest,
} from "../../../contracts/tickets";
import { type Actor, type Scope, scopeOf } from "../../../domain/policies";
import { analyze, parseQuery } from "../../../domain/search/portuguese";
import { afterCustomerReply, afterStaffReply, canStaffMove } from "../../../domain/tickets/status";
import type { AppContext } from "../../context";
import { newId } from "../../crypto";
import { decodeCursor, toPage } from "../../db/cursor";
import type { Executor } from "../../db/schema";
import { companyTerm } from "../../db/search";
import { errors } from "../../errors";
import { publicTicketEvent, publishAll, staffTicketEvent, type TicketRef } from "../../events/ticket-events";
import { renderMarkdown } from "../../markdown";
import { claimPending } from "../attachments/repository";
import { withdrawOpenEstimate } from "../billing/estimates";
import { findCategory } from "../kb/repository";
import { notificationEvents, notifyPeople } from "../notifications/ticket-notifications";
import { listLinkedTickets, numberOfTicket } from "../relations/repository";
import { findScreen } from "../screens/repository";
import { advanceTicketClocks, startTicketClocks } from "../sla/clocks";
import { explainClock } from "../sla/explain";
import { loadPolicy, policyForCompany, snapshotPolicy } from "../sla/policy";
import { NO_DUE, priorityOrder } from "../sla/queue-keys";
import { clocksOfTicket } from "../sla/repository";
import { newTicketEvent } from "./events";
import { applyFieldChanges } from "./field-changes";
import { mentionsInNote } from "./mentions";
import {
  findTicketByNumber,
  findTicketRow,
  insertEvent,
  insertTicket,
  listEvents,
  listTicketAttachments,
  listTickets,
  nextTicketNumber,
  type TicketChanges,
  type TicketRow,
  updateTicketAt,
  type Visibility,
} from "./repository";
import { staleTicketError } from "./stale";
import { listTags } from "./work-repository";

const visibilityOf = (actor: Actor): Visibility => (isStaffRole(actor.role) ? "all" : "public");

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
}

/**
 * Writes a new ticket inside `trx`: the row, its SLA clocks, the opening event and its files.
 * Shared by the portal's form and the console's phone log.
 */
export async function insertOpenedTicket(
  ctx: AppContext,
  trx: Executor,
  opening: TicketOpening,
): Promise<{ ticket: TicketRow; openedEventId: string }> {
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
  const now = ctx.clock.now();
  const policy = await policyForCompany(trx, requester.companyId, ctx.config.slaWarningShare);
  const ticket: TicketRow = {
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
    search_terms: [
      companyTerm(requester.companyId),
      ...analyze(`${props.subject} ${props.description} ${props.exampleRecord} ${props.screenCode}`),
    ].join(" "),
    sla_policy_id: policy ? await snapshotPolicy(trx, policy, now) : null,
    created_at: now,
    updated_at: now,
    resolved_at: null,
    // The clocks set the due keys when they start.
    queue_due_at: NO_DUE,
    queue_warn_at: null,
    priority_order: priorityOrder(props.priority),
    merged_into_id: null,
  };
  await insertTicket(trx, ticket);
  if (policy)
    await startTicketClocks(trx, { id: ticket.id, priority: props.priority, created_at: now }, policy);
  const opened = newTicketEvent(ticket.id, opening.actorId, now, { type: "opened", ticket_version: 1 });
  await insertEvent(trx, opened);
  await claimAttachments(
    trx,
    props.attachmentIds,
    opening.actorId,
    { ticketId: ticket.id, eventId: opened.id },
    props,
  );
  return { ticket, openedEventId: opened.id };
}

/** Opens a ticket for the customer's company; returns its number. */
export async function openTicket(
  ctx: AppContext,
  requester: { id: string; companyId: string },
  props: CreateTicketRequest,
): Promise<number> {
  const number = await ctx.db.transaction().execute(async (trx) => {
    const opening = { requester, actorId: requester.id, channel: "portal" as const, props };
    return (await insertOpenedTicket(ctx, trx, opening)).ticket.number;
  });
  await ctx.live.publish(
    publicTicketEvent(
      "ticket.created",
      { number, companyId: requester.companyId, status: "open" },
      ctx.clock.now(),
    ),
  );
  return number;
}

/** The ticket with the history the actor may see, or undefined (→ 404) outside its scope. */
export async function getTicketDetail(ctx: AppContext, actor: Actor, number: number) {
  const ticket = await findTicketByNumber(ctx.db, scopeOf(actor), number);
  if (!ticket) return undefined;
  const visibility = visibilityOf(actor);
  const [events, attachments, clocks, policy, links, tags] = await Promise.all([
    listEvents(ctx.db, ticket.id, visibility),
    listTicketAttachments(ctx.db, ticket.id, visibility),
    clocksOfTicket(ctx.db, ticket.id),
    loadPolicy(ctx.db, ticket.sla_policy_id),
    listLinkedTickets(ctx.db, ticket.id, ticket.company_id),
    // Tags are the team's: a customer's read does not even look them up.
    visibility === "all" ? listTags(ctx.db, ticket.id) : Promise.resolve([]),
  ]);
  return { ticket, events, attachments, clocks, policy, links, tags };
}
export type TicketDetail = NonNullable<Awaited<ReturnType<typeof getTicketDetail>>>;

/**
 * A page of the list, newest activity first. A query that is a ticket number ("1042", "#1042") puts
 * that ticket first on the first page, then whatever else mentions the number.
 */
export async function pageTickets(
  ctx: AppContext,
  scope: Scope,
  query: {
    status?: TicketStatus | undefined;
    q?: string | undefined;
    companyId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const q = query.q ?? "";
  const numberMatch = /^#?(\d{1,9})$/.exec(q);
  const number = numberMatch ? Number(numberMatch[1]) : undefined;
  const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
  const base = { status: query.status, companyId: query.companyId };
  const exact =
    number !== undefined && !after
      ? await listTickets(ctx.db, scope, { ...base, number, terms: [], limit: 1 })
      : [];
  const exactNumber = exact[0]?.number;
  const rest = await listTickets(ctx.db, scope, {
    ...base,
    terms: parseQuery(q),
    excludeNumber: number,
    after: after ? { updatedAt: Number(after[0]), number: Number(after[1]) } : undefined,
    limit: query.limit - exact.length,
  });
  const page = toPage(rest, query.limit - exact.length, (row) => [row.updated_at, row.number]);
  return {
    rows: exactNumber === undefined ? page.rows : [...exact.slice(0, 1), ...page.rows],
    nextCursor: page.nextCursor,
  };
}

/** Whether the actor may know the ticket exists. */
export async function isTicketVisible(ctx: AppContext, actor: Actor, number: number): Promise<boolean> {
  return (await findTicketRow(ctx.db, scopeOf(actor), number)) !== undefined;
}

/**
 * Loads the ticket for a command, locking its row on PostgreSQL so concurrent commands queue. A
 * merged ticket is final: the answer names the ticket where the conversation continues.
 */
async function ticketForCommand(trx: Executor, actor: Actor, number: number): Promise<TicketRow> {
  const row = await findTicketRow(trx, scopeOf(actor), number, { lock: true });
  if (!row) throw errors.notFound("ticket.not_found");
  if (row.merged_into_id !== null) throw errors.merged(await numberOfTicket(trx, row.merged_into_id));
  return row;
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
): Promise<void> {
  const staff = isStaffRole(actor.role);
  if (props.internal && !staff) throw errors.forbidden();
  const { ref, mentioned } = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await ticketForCommand(trx, actor, number);
    const now = ctx.clock.now();
    const version = ticket.version + 1;
    const status = ticket.status as TicketStatus;
    let next = status;
    let reopened = false;
    if (!staff) {
      const outcome = afterCustomerReply(status, ticket.resolved_at, now, ctx.config.reopenWindowMs);
      if (outcome.kind === "refused")
        throw errors.conflict(outcome.reason === "cancelled" ? "ticket.cancelled" : "ticket.reopen_closed");
      next = outcome.status;
      reopened = outcome.reopened;
    } else if (!props.internal) {
      next = afterStaffReply(status);
    }

    // Only an internal note mentions colleagues (customers cannot write one).
    const mentions = props.internal ? await mentionsInNote(trx, props.body, actor.userId) : undefined;
    const message = newTicketEvent(ticket.id, actor.userId, now, {
      type: props.body ? "message" : "attachment_added",
      internal: props.internal ? 1 : 0,
      body: props.body || null,
      body_html: props.body ? renderMarkdown(props.body, mentions?.highlight) : null,
      ticket_version: version,
    });
    await insertEvent(trx, message);
    await claimAttachments(
      trx,
      props.attachmentIds,
      actor.userId,
      { ticketId: ticket.id, eventId: message.id },
      props,
    );
    if (next !== status) {
      await insertEvent(
        trx,
        newTicketEvent(ticket.id, actor.userId, now, {
          type: reopened ? "reopened" : "status_changed",
          from_status: status,
          to_status: next,
          ticket_version: version,
        }),
      );
    }
    const clockTicket = {
      id: ticket.id,
      priority: ticket.priority as Priority,
      policy: await loadPolicy(trx, ticket.sla_policy_id),
    };
    if (next !== status) {
      await advanceTicketClocks(
        trx,
        clockTicket,
        { kind: "status", from: status, to: next, resolvedAt: ticket.resolved_at },
        now,
      );
    }
    if (!props.internal) {
      await advanceTicketClocks(trx, clockTicket, { kind: staff ? "staff_reply" : "customer_message" }, now);
    }
    const changes: TicketChanges = props.internal
      ? {}
      : {
          status: next,
          updated_at: now,
          appendTerms: analyze(props.body).join(" "),
          ...(reopened && { resolved_at: null }),
        };
    await updateTicketAt(trx, ticket.id, ticket.version, changes);
    const mentioned = mentions?.notify ?? [];
    if (mentioned.length > 0)
      await notifyPeople(trx, {
        type: "mention",
        ticketId: ticket.id,
        recipientIds: mentioned,
        actorId: actor.userId,
        at: now,
      });
    const ref: TicketRef = { number: ticket.number, companyId: ticket.company_id, status: next };
    return { ref, mentioned };
  });
  const at = ctx.clock.now();
  await publishAll(ctx, [
    props.internal ? staffTicketEvent("ticket.note", ref, at) : publicTicketEvent("ticket.message", ref, at),
    ...notificationEvents(mentioned, ref.number, at),
  ]);
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
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await ticketForCommand(trx, actor, number);
    if (ticket.version !== props.version) throw await staleTicketError(trx, ticket, props.version);
    const now = ctx.clock.now();
    const version = ticket.version + 1;
    const changes: TicketChanges = {};
    const status = ticket.status as TicketStatus;
    const clockTicket = {
      id: ticket.id,
      priority: ticket.priority as Priority,
      policy: await loadPolicy(trx, ticket.sla_policy_id),
    };
    if (props.status !== undefined && props.status !== status) {
      if (!canStaffMove(status, props.status)) throw errors.rule("ticket.invalid_transition");
      changes.status = props.status;
      changes.resolved_at = props.status === "resolved" ? now : null;
      await advanceTicketClocks(
        trx,
        clockTicket,
        { kind: "status", from: status, to: props.status, resolvedAt: ticket.resolved_at },
        now,
      );
      await insertEvent(
        trx,
        newTicketEvent(ticket.id, actor.userId, now, {
          type: "status_changed",
          from_status: status,
          to_status: props.status,
          ticket_version: version,
        }),
      );
    }
    const priority = ticket.priority as Priority;
    if (props.priority !== undefined && props.priority !== priority) {
      changes.priority = props.priority;
      changes.priority_order = priorityOrder(props.priority);
      await advanceTicketClocks(trx, clockTicket, { kind: "priority", to: props.priority }, now);
      await insertEvent(
        trx,
        newTicketEvent(ticket.id, actor.userId, now, {
          type: "priority_changed",
          from_priority: priority,
          to_priority: props.priority,
          ticket_version: version,
        }),
      );
    }
    if (props.kind !== undefined && props.kind !== ticket.kind) {
      changes.kind = props.kind;
      await advanceTicketClocks(trx, clockTicket, { kind: "classification", to: props.kind }, now);
      await insertEvent(
        trx,
        newTicketEvent(ticket.id, actor.userId, now, {
          type: "kind_changed",
          to_kind: props.kind,
          ticket_version: version,
          ...(props.kindReason && { body: props.kindReason, body_html: renderMarkdown(props.kindReason) }),
        }),
      );
      if (props.kind === "support") await withdrawOpenEstimate(trx, ticket, actor, now);
    }
    const publicChange = Object.keys(changes).length > 0;
    const fields = await applyFieldChanges(trx, actor, ticket, props, now, version);
    for (const event of fields.events) await insertEvent(trx, event);
    if (!publicChange && !fields.publicChange && !fields.staffChange) return undefined;
    const visible = publicChange || fields.publicChange;
    await updateTicketAt(trx, ticket.id, ticket.version, {
      ...changes,
      ...fields.changes,
      ...(visible && { updated_at: now }),
    });
    if (fields.newAssigneeToNotify)
      await notifyPeople(trx, {
        type: "ticket_assigned",
        ticketId: ticket.id,
        recipientIds: [fields.newAssigneeToNotify],
        actorId: actor.userId,
        at: now,
      });
    const ref: TicketRef = {
      number: ticket.number,
      companyId: ticket.company_id,
      status: changes.status ?? ticket.status,
    };
    return {
      ref,
      visible,
      staffOnly: fields.staffChange,
      assigneeId: fields.changes.assignee_id,
      notify: fields.newAssigneeToNotify,
    };
  });
  if (!outcome) return;
  const at = ctx.clock.now();
  const { ref } = outcome;
  await publishAll(ctx, [
    ...(outcome.visible ? [publicTicketEvent("ticket.updated", ref, at)] : []),
    // Assignment and tags are the team's business: their event goes to staff only.
    ...(outcome.staffOnly
      ? [
          staffTicketEvent(
            "ticket.updated",
            ref,
            at,
            outcome.assigneeId === undefined ? {} : { assigneeId: outcome.assigneeId },
          ),
        ]
      : []),
    ...notificationEvents(outcome.notify ? [outcome.notify] : [], ref.number, at),
  ]);
}

/** The current cycle of one deadline, explained; undefined (→ 404) when invisible or absent. */
export async function explainTicketDeadline(
  ctx: AppContext,
  actor: Actor,
  number: number,
  metric: string,
  locale: Locale,
) {
  const ticket = await findTicketRow(ctx.db, scopeOf(actor), number);
  const policy = ticket ? await loadPolicy(ctx.db, ticket.sla_policy_id) : null;
  if (!ticket || !policy) return undefined;
  const clock = (await clocksOfTicket(ctx.db, ticket.id))
    .filter((c) => c.metric === metric && c.stopped_at === null)
    .at(-1);
  if (!clock) return undefined;
  return explainClock(policy, clock, ticket.priority as Priority, isStaffRole(actor.role), locale);
}
