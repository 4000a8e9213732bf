// Who may do what to a ticket, one rule per action, and the ticket's abilities computed from them.
// Beside allow / forbid / hide, a ticket's own state may refuse an action anyone could otherwise
// take (a merged ticket takes nothing; a cancelled or long-resolved one takes no customer reply):
// that refusal is a 409 naming why, not a 403.
import { isStaffRole } from "../../contracts/common";
import type { TicketKind, TicketStatus } from "../../contracts/tickets";
import type { Actor, Decision } from "../policies";
import { afterCustomerReply, staffMovesFrom } from "./status";

export type TicketRefusal = "merged" | "cancelled" | "reopen_closed";
export type TicketDecision = Decision | { refused: TicketRefusal };

/** What the rules need to know of a ticket. */
export interface TicketResource {
  companyId: string;
  status: TicketStatus;
  kind: TicketKind;
  resolvedAt: number | null;
  /** Merged into another ticket, which continues the conversation: final. */
  merged: boolean;
}

/** The instant of the decision and the reopen window a customer's reply falls in. */
export interface TicketMoment {
  now: number;
  reopenWindowMs: number;
}

const isStaff = (actor: Actor) => isStaffRole(actor.role);
const mayRead = (actor: Actor, ticket: TicketResource) =>
  isStaff(actor) || (actor.companyId !== null && actor.companyId === ticket.companyId);

/** The support team's work on a ticket it may see; customers learn it exists but may not (403). */
function teamWork(actor: Actor, ticket: TicketResource, customers: Decision = "forbid"): TicketDecision {
  if (!mayRead(actor, ticket)) return "hide";
  if (!isStaff(actor)) return customers;
  return ticket.merged ? { refused: "merged" } : "allow";
}

export const ticketPolicies = {
  /** A company's tickets are its customers' and the support team's. */
  read: (actor: Actor, ticket: TicketResource): TicketDecision => (mayRead(actor, ticket) ? "allow" : "hide"),
  /** Customers open tickets through the portal; staff log phone calls on their behalf. */
  open: (actor: Actor): Decision => (isStaff(actor) ? "forbid" : "allow"),
  /** A phone call opens a ticket for a customer: the team's. */
  openByPhone: (actor: Actor): Decision => (isStaff(actor) ? "allow" : "hide"),
  /**
   * A public reply ("Resposta"). Staff answer any ticket not merged; a customer answers until it
   * is cancelled or the reopen window after its resolution has passed.
   */
  reply: (actor: Actor, ticket: TicketResource, moment: TicketMoment): TicketDecision => {
    if (!mayRead(actor, ticket)) return "hide";
    if (ticket.merged) return { refused: "merged" };
    if (isStaff(actor)) return "allow";
    const outcome = afterCustomerReply(ticket.status, ticket.resolvedAt, moment.now, moment.reopenWindowMs);
    return outcome.kind === "refused" ? { refused: outcome.reason } : "allow";
  },
  /** Internal notes are the team's. */
  note: (actor: Actor, ticket: TicketResource): TicketDecision => teamWork(actor, ticket),
  /** Status, priority, classification, category, screen, assignee and tags. */
  change: (actor: Actor, ticket: TicketResource): TicketDecision => teamWork(actor, ticket),
  /** Merging a duplicate into the ticket that continues. */
  merge: (actor: Actor, ticket: TicketResource): TicketDecision => teamWork(actor, ticket),
  /** Relating two tickets of one company. */
  link: (actor: Actor, ticket: TicketResource): TicketDecision => teamWork(actor, ticket),
  /** A phone call about the ticket. */
  logCall: (actor: Actor, ticket: TicketResource): TicketDecision => teamWork(actor, ticket),
  /** Time entries are the team's: customers are not told they exist. */
  logTime: (actor: Actor, ticket: TicketResource): TicketDecision => teamWork(actor, ticket, "hide"),
  /** Drafting, sending and withdrawing hours estimates: the team's, on a consultancy ticket. */
  manageEstimates: (actor: Actor, ticket: TicketResource): TicketDecision => teamWork(actor, ticket, "hide"),
};

/** What the caller may do to the ticket now: the ticket's `abilities`. */
export function ticketAbilities(actor: Actor, ticket: TicketResource, moment: TicketMoment) {
  const allowed = (decision: TicketDecision) => decision === "allow";
  const change = allowed(ticketPolicies.change(actor, ticket));
  return {
    reply: allowed(ticketPolicies.reply(actor, ticket, moment)),
    addInternalNote: allowed(ticketPolicies.note(actor, ticket)),
    change,
    statusTargets: change ? [...staffMovesFrom(ticket.status)] : [],
    merge: allowed(ticketPolicies.merge(actor, ticket)),
    link: allowed(ticketPolicies.link(actor, ticket)),
    logCall: allowed(ticketPolicies.logCall(actor, ticket)),
    logTime: allowed(ticketPolicies.logTime(actor, ticket)),
    manageEstimates: allowed(ticketPolicies.manageEstimates(actor, ticket)) && ticket.kind === "consultancy",
  };
}
export type TicketAbilities = ReturnType<typeof ticketAbilities>;
