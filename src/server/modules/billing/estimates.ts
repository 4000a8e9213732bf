// Consultancy estimates ("orçamento de horas"): staff draft one on a consultancy ticket and send it;
// the company's admin approves or declines it in the portal; staff may withdraw it before then.
// draft → sent → approved | declined; draft | sent → withdrawn. Each command locks the ticket, moves
// the estimate with a conditional update (a lost race is a 409), writes the history and the audit in
// one transaction, then tells whoever may know: the company once the estimate was sent, else staff.
import type { CreateEstimateRequest, EstimateStatus } from "../../../contracts/billing";
import { isStaffRole } from "../../../contracts/common";
import type { TicketEventType } from "../../../contracts/tickets";
import { billingMonthOf } from "../../../domain/billing/months";
import { type Actor, policies, scopeOf } from "../../../domain/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { isUniqueViolation } from "../../db/errors";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { publicTicketEvent, staffTicketEvent, type TicketRef } from "../../events/ticket-events";
import { authorize } from "../../http";
import { renderMarkdown } from "../../markdown";
import { recordAudit } from "../audit/repository";
import { newTicketEvent } from "../tickets/events";
import { findTicketRow, insertEvent, type TicketRow, updateTicketAt } from "../tickets/repository";
import { billingErrors } from "./errors";
import {
  type EstimateRow,
  type EstimateVisibility,
  findEstimate,
  findEstimateWithNames,
  findOpenEstimate,
  insertEstimate,
  listTicketEstimates,
  moveEstimate,
} from "./estimate-repository";

const visibilityOf = (actor: Actor): EstimateVisibility => (isStaffRole(actor.role) ? "all" : "customer");

const refOf = (ticket: TicketRow): TicketRef => ({
  number: ticket.number,
  companyId: ticket.company_id,
  status: ticket.status,
});

/** Locks the ticket (PostgreSQL) so that commands on its estimates queue up. */
async function lockedTicket(trx: Executor, actor: Actor, number: number): Promise<TicketRow> {
  const ticket = await findTicketRow(trx, scopeOf(actor), number, { lock: true });
  if (!ticket) throw errors.notFound("ticket.not_found");
  return ticket;
}

async function estimateOf(trx: Executor, actor: Actor, ticket: TicketRow, id: string): Promise<EstimateRow> {
  const estimate = await findEstimate(trx, ticket.id, id, visibilityOf(actor));
  if (!estimate) throw billingErrors.estimateNotFound();
  return estimate;
}

/**
 * The estimate's history event. Public ones move the ticket up its company's list like any visible
 * change; every one bumps the ticket's version, like every other history event.
 */
async function recordEstimateEvent(
  trx: Executor,
  ticket: TicketRow,
  actor: Actor,
  now: number,
  event: { type: TicketEventType; internal: boolean; minutes: number; body?: string | undefined },
): Promise<void> {
  await insertEvent(
    trx,
    newTicketEvent(ticket.id, actor.userId, now, {
      type: event.type,
      internal: event.internal ? 1 : 0,
      duration_minutes: event.minutes,
      ticket_version: ticket.version + 1,
      ...(event.body && { body: event.body, body_html: renderMarkdown(event.body) }),
    }),
  );
  await updateTicketAt(trx, ticket.id, ticket.version, event.internal ? {} : { updated_at: now });
}

/** Staff draft an estimate on a consultancy ticket; one open (draft or sent) estimate at a time. */
export async function draftEstimate(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  props: CreateEstimateRequest,
): Promise<string> {
  const id = newId();
  let ref: TicketRef;
  try {
    ref = await ctx.db.transaction().execute(async (trx) => {
      const ticket = await lockedTicket(trx, actor, number);
      if (ticket.kind !== "consultancy") throw billingErrors.notConsultancy();
      if (await findOpenEstimate(trx, ticket.id)) throw billingErrors.openEstimateExists();
      const now = ctx.clock.now();
      await insertEstimate(trx, {
        id,
        ticket_id: ticket.id,
        company_id: ticket.company_id,
        minutes: props.minutes,
        description: props.description,
        status: "draft",
        created_by: actor.userId,
        created_at: now,
        sent_at: null,
        decided_at: null,
        decided_by: null,
        decided_month: null,
      });
      await recordAudit(trx, meta, now, {
        action: "estimate.create",
        targetType: "ticket",
        targetId: ticket.id,
        details: { estimateId: id, minutes: props.minutes },
      });
      return refOf(ticket);
    });
  } catch (error) {
    // The partial unique index caught a second open estimate the lock did not (it always should).
    if (isUniqueViolation(error)) throw billingErrors.openEstimateExists();
    throw error;
  }
  await ctx.live.publish(staffTicketEvent("ticket.updated", ref, ctx.clock.now()));
  return id;
}

/** Staff send a draft: from now on the customer sees it and may decide. */
export async function sendEstimate(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  estimateId: string,
): Promise<void> {
  const ref = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await lockedTicket(trx, actor, number);
    const estimate = await estimateOf(trx, actor, ticket, estimateId);
    const now = ctx.clock.now();
    if (!(await moveEstimate(trx, estimate.id, "draft", { status: "sent", sent_at: now })))
      throw billingErrors.estimateStatusChanged();
    await recordEstimateEvent(trx, ticket, actor, now, {
      type: "estimate_sent",
      internal: false,
      minutes: estimate.minutes,
      body: estimate.description,
    });
    await recordAudit(trx, meta, now, {
      action: "estimate.send",
      targetType: "ticket",
      targetId: ticket.id,
      details: { estimateId: estimate.id, minutes: estimate.minutes },
    });
    return refOf(ticket);
  });
  await ctx.live.publish(publicTicketEvent("ticket.updated", ref, ctx.clock.now()));
}

/**
 * Withdraws the ticket's open estimate inside another command's transaction (reclassifying a ticket
 * back to support). The history says so publicly only if the customer had seen it.
 */
export async function withdrawOpenEstimate(
  trx: Executor,
  ticket: TicketRow,
  actor: Actor,
  now: number,
): Promise<void> {
  const open = await findOpenEstimate(trx, ticket.id);
  if (!open || !(await moveEstimate(trx, open.id, open.status as EstimateStatus, { status: "withdrawn" })))
    return;
  await insertEvent(
    trx,
    newTicketEvent(ticket.id, actor.userId, now, {
      type: "estimate_withdrawn",
      internal: open.status === "sent" ? 0 : 1,
      duration_minutes: open.minutes,
      // Part of the reclassifying command, which bumps the version once.
      ticket_version: ticket.version + 1,
    }),
  );
}

/** Staff withdraw a draft or a sent estimate the customer has not decided yet. */
export async function withdrawEstimate(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  estimateId: string,
): Promise<void> {
  const { ref, wasSent } = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await lockedTicket(trx, actor, number);
    const estimate = await estimateOf(trx, actor, ticket, estimateId);
    const from = estimate.status as EstimateStatus;
    const now = ctx.clock.now();
    if (from !== "draft" && from !== "sent") throw billingErrors.estimateStatusChanged();
    if (!(await moveEstimate(trx, estimate.id, from, { status: "withdrawn" })))
      throw billingErrors.estimateStatusChanged();
    await recordEstimateEvent(trx, ticket, actor, now, {
      type: "estimate_withdrawn",
      internal: from === "draft",
      minutes: estimate.minutes,
    });
    await recordAudit(trx, meta, now, {
      action: "estimate.withdraw",
      targetType: "ticket",
      targetId: ticket.id,
      details: { estimateId: estimate.id, from },
    });
    return { ref: refOf(ticket), wasSent: from === "sent" };
  });
  const at = ctx.clock.now();
  await ctx.live.publish(
    wasSent ? publicTicketEvent("ticket.updated", ref, at) : staffTicketEvent("ticket.updated", ref, at),
  );
}

/**
 * The company's admin approves or declines a sent estimate. An approval counts in the statement of
 * the month it was given in, in São Paulo.
 */
export async function decideEstimate(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  estimateId: string,
  decision: { status: "approved" | "declined"; note?: string | undefined },
): Promise<void> {
  const ref = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await lockedTicket(trx, actor, number);
    const estimate = await estimateOf(trx, actor, ticket, estimateId);
    authorize(policies.billing.decideEstimate(actor, { companyId: estimate.company_id }));
    const now = ctx.clock.now();
    const moved = await moveEstimate(trx, estimate.id, "sent", {
      status: decision.status,
      decided_at: now,
      decided_by: actor.userId,
      decided_month: billingMonthOf(now),
    });
    if (!moved) throw billingErrors.estimateStatusChanged();
    await recordEstimateEvent(trx, ticket, actor, now, {
      type: decision.status === "approved" ? "estimate_approved" : "estimate_declined",
      internal: false,
      minutes: estimate.minutes,
      body: decision.note,
    });
    await recordAudit(trx, meta, now, {
      action: decision.status === "approved" ? "estimate.approve" : "estimate.decline",
      targetType: "ticket",
      targetId: ticket.id,
      details: { estimateId: estimate.id, minutes: estimate.minutes },
    });
    return refOf(ticket);
  });
  await ctx.live.publish(publicTicketEvent("ticket.updated", ref, ctx.clock.now()));
}

/** The ticket's estimates the actor may see; undefined (→ 404) when the ticket is not theirs to see. */
export async function ticketEstimates(ctx: AppContext, actor: Actor, number: number) {
  const ticket = await findTicketRow(ctx.db, scopeOf(actor), number);
  if (!ticket) return undefined;
  const rows = await listTicketEstimates(ctx.db, ticket.id, visibilityOf(actor));
  return { ticket, rows };
}

/** One estimate with its people's names, for a command's answer. */
export function estimateById(ctx: AppContext, id: string) {
  return findEstimateWithNames(ctx.db, id);
}
