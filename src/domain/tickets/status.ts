// The ticket status machine: where staff may move a ticket, and what a reply does to it.
import type { TicketStatus } from "../../contracts/tickets";

const STAFF_MOVES: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ["in_progress", "waiting_customer", "resolved", "cancelled"],
  in_progress: ["waiting_customer", "resolved", "cancelled"],
  waiting_customer: ["in_progress", "resolved", "cancelled"],
  // Reopening: the customer came back, or it was closed by mistake.
  resolved: ["in_progress"],
  cancelled: ["in_progress"],
};

export function canStaffMove(from: TicketStatus, to: TicketStatus): boolean {
  return STAFF_MOVES[from].includes(to);
}

/** Where staff may move a ticket from `from`. */
export function staffMovesFrom(from: TicketStatus): readonly TicketStatus[] {
  return STAFF_MOVES[from];
}

export type CustomerReplyOutcome =
  | { kind: "accepted"; status: TicketStatus; reopened: boolean }
  | { kind: "refused"; reason: "reopen_closed" | "cancelled" };

/**
 * A customer's reply: answering a question ("aguardando cliente") hands the ticket back to the
 * team; a reply to a resolved ticket within the reopen window reopens it; after the window (or on a
 * cancelled ticket) the customer is offered a new ticket linked to this one instead.
 */
export function afterCustomerReply(
  status: TicketStatus,
  resolvedAt: number | null,
  now: number,
  reopenWindowMs: number,
): CustomerReplyOutcome {
  switch (status) {
    case "waiting_customer":
      return { kind: "accepted", status: "in_progress", reopened: false };
    case "resolved":
      return resolvedAt !== null && now - resolvedAt <= reopenWindowMs
        ? { kind: "accepted", status: "in_progress", reopened: true }
        : { kind: "refused", reason: "reopen_closed" };
    case "cancelled":
      return { kind: "refused", reason: "cancelled" };
    default:
      return { kind: "accepted", status, reopened: false };
  }
}

/** A public staff reply takes a new ticket into work; other statuses stay as they are. */
export function afterStaffReply(status: TicketStatus): TicketStatus {
  return status === "open" ? "in_progress" : status;
}

/** Until when a reply reopens a resolved ticket; null when the ticket is not resolved. */
export function reopenDeadline(
  status: TicketStatus,
  resolvedAt: number | null,
  reopenWindowMs: number,
): number | null {
  return status === "resolved" && resolvedAt !== null ? resolvedAt + reopenWindowMs : null;
}
