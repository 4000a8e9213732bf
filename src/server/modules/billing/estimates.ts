// Consultancy estimates ("orçamento de horas"): staff draft one on a consultancy ticket and send it;
// the company's admin approves or declines it in the portal; staff may withdraw it before then.
// draft → sent → approved | declined; draft | sent → withdrawn. Each command locks the ticket, moves
// the estimate with a conditional update (a lost race is a 409), writes the history and the audit in
// one transaction, then tells whoever may know: the company once the estimate was sent, else staff.
import type { CreateEstimateRequest } from "../../../contracts/billing";
import { isStaffRole } from "../../../contracts/common";
import { billingMonthOf } from "../../../domain/billing/months";
import { type Actor, policies } from "../../../domain/policies";
import { ticketPolicies } from "../../../domain/tickets/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { isUniqueViolation } from "../../db/errors";
import type { Executor } from "../../db/schema";
import { authorize } from "../../http";
import { renderMarkdown } from "../../markdown";
import { recordAudit } from "../audit/repository";
import { type TicketTransaction, type TicketWrite, ticketCommand } from "../tickets/command";
import type { EstimateAction } from "../tickets/happenings";
import { findVisibleTicket } from "../tickets/read-service";
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

async function estimateOf(
  trx: Executor,
  actor: Actor,
  ticket: TicketWrite,
  id: string,
): Promise<EstimateRow> {
  const estimate = await findEstimate(trx, ticket.row.id, id, visibilityOf(actor));
  if (!estimate) throw billingErrors.estimateNotFound();
  return estimate;
}

/**
 * The estimate's history event. Public ones move the ticket up its company's list like any visible
 * change; every one is part of the ticket's next version, like every other history event.
 */
async function recordEstimateEvent(
  ticket: TicketWrite,
  estimate: EstimateRow,
  event: { action: Exclude<EstimateAction, "drafted">; internal: boolean; body?: string | undefined },
): Promise<void> {
  await ticket.event({
    type: `estimate_${event.action}`,
    internal: event.internal ? 1 : 0,
    duration_minutes: estimate.minutes,
    ...(event.body && { body: event.body, body_html: renderMarkdown(event.body) }),
  });
  ticket.happen({
    type: "estimate",
    action: event.action,
    estimateId: estimate.id,
    audience: event.internal ? "staff" : "company",
  });
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
  try {
    await ticketCommand(ctx, actor, async (tx) => {
      const ticket = await tx.open(number, ticketPolicies.manageEstimates);
      if (ticket.kind !== "consultancy") throw billingErrors.notConsultancy();
      if (await findOpenEstimate(tx.trx, ticket.row.id)) throw billingErrors.openEstimateExists();
      await insertEstimate(tx.trx, {
        id,
        ticket_id: ticket.row.id,
        company_id: ticket.row.company_id,
        minutes: props.minutes,
        description: props.description,
        status: "draft",
        created_by: actor.userId,
        created_at: tx.now,
        sent_at: null,
        decided_at: null,
        decided_by: null,
        decided_month: null,
      });
      // A draft is the team's until it is sent: no history yet.
      ticket.happen({ type: "estimate", action: "drafted", estimateId: id, audience: "staff" });
      await recordAudit(tx.trx, meta, tx.now, {
        action: "estimate.create",
        targetType: "ticket",
        targetId: ticket.row.id,
        details: { estimateId: id, minutes: props.minutes },
      });
    });
  } catch (error) {
    // The partial unique index caught a second open estimate the lock did not (it always should).
    if (isUniqueViolation(error)) throw billingErrors.openEstimateExists();
    throw error;
  }
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
  await ticketCommand(ctx, actor, async (tx) => {
    const ticket = await tx.open(number, ticketPolicies.manageEstimates);
    const estimate = await estimateOf(tx.trx, actor, ticket, estimateId);
    if (!(await moveEstimate(tx.trx, estimate.id, "draft", { status: "sent", sent_at: tx.now })))
      throw billingErrors.estimateStatusChanged();
    await recordEstimateEvent(ticket, estimate, {
      action: "sent",
      internal: false,
      body: estimate.description,
    });
    await recordAudit(tx.trx, meta, tx.now, {
      action: "estimate.send",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { estimateId: estimate.id, minutes: estimate.minutes },
    });
  });
}

/**
 * Withdraws the ticket's open estimate inside another command (reclassifying a ticket back to
 * support, merging it). The history says so publicly only if the customer had seen it.
 */
export async function withdrawOpenEstimate(tx: TicketTransaction, ticket: TicketWrite): Promise<void> {
  const open = await findOpenEstimate(tx.trx, ticket.row.id);
  if (!open || !(await moveEstimate(tx.trx, open.id, open.status, { status: "withdrawn" }))) return;
  await recordEstimateEvent(ticket, open, { action: "withdrawn", internal: open.status !== "sent" });
}

/** Staff withdraw a draft or a sent estimate the customer has not decided yet. */
export async function withdrawEstimate(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  estimateId: string,
): Promise<void> {
  await ticketCommand(ctx, actor, async (tx) => {
    const ticket = await tx.open(number, ticketPolicies.manageEstimates);
    const estimate = await estimateOf(tx.trx, actor, ticket, estimateId);
    const from = estimate.status;
    if (from !== "draft" && from !== "sent") throw billingErrors.estimateStatusChanged();
    if (!(await moveEstimate(tx.trx, estimate.id, from, { status: "withdrawn" })))
      throw billingErrors.estimateStatusChanged();
    await recordEstimateEvent(ticket, estimate, { action: "withdrawn", internal: from === "draft" });
    await recordAudit(tx.trx, meta, tx.now, {
      action: "estimate.withdraw",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { estimateId: estimate.id, from },
    });
  });
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
  await ticketCommand(ctx, actor, async (tx) => {
    const ticket = await tx.open(number, ticketPolicies.read);
    const estimate = await estimateOf(tx.trx, actor, ticket, estimateId);
    authorize(policies.billing.decideEstimate(actor, { companyId: estimate.company_id }));
    const moved = await moveEstimate(tx.trx, estimate.id, "sent", {
      status: decision.status,
      decided_at: tx.now,
      decided_by: actor.userId,
      decided_month: billingMonthOf(tx.now),
    });
    if (!moved) throw billingErrors.estimateStatusChanged();
    await recordEstimateEvent(ticket, estimate, {
      action: decision.status,
      internal: false,
      body: decision.note,
    });
    await recordAudit(tx.trx, meta, tx.now, {
      action: decision.status === "approved" ? "estimate.approve" : "estimate.decline",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { estimateId: estimate.id, minutes: estimate.minutes },
    });
  });
}

/** The ticket's estimates the actor may see; undefined (→ 404) when the ticket is not theirs to see. */
export async function ticketEstimates(ctx: AppContext, actor: Actor, number: number) {
  const ticket = await findVisibleTicket(ctx, actor, number);
  if (!ticket) return undefined;
  const rows = await listTicketEstimates(ctx.db, ticket.id, visibilityOf(actor));
  return { ticket, rows };
}

/** One estimate with its people's names, for a command's answer. */
export function estimateById(ctx: AppContext, id: string) {
  return findEstimateWithNames(ctx.db, id);
}
