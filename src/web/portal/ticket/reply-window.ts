// Whether a customer can still reply to a ticket, and what to tell them when they cannot.
import type { Ticket } from "../../../contracts/tickets";

export type ReplyWindow =
  /** Replies are taken as usual. */
  | { kind: "open" }
  /** Finalizada, but a reply until `until` reopens it. */
  | { kind: "reopens"; until: string }
  /** Finalizada too long ago, or cancelada: a new ticket linked to this one instead. */
  | { kind: "closed" };

export function replyWindowOf(ticket: Ticket, now: Date, refusedByServer: boolean): ReplyWindow {
  if (refusedByServer || ticket.status === "cancelled") return { kind: "closed" };
  if (ticket.status !== "resolved") return { kind: "open" };
  if (ticket.reopenUntil && new Date(ticket.reopenUntil) > now)
    return { kind: "reopens", until: ticket.reopenUntil };
  return { kind: "closed" };
}

/** "Abrir nova ocorrência vinculada": the new-ticket form in the same category, linked to this ticket. */
export function linkedTicketPath(ticket: Pick<Ticket, "categoryId" | "number">): string {
  const search = new URLSearchParams({ category: ticket.categoryId, related: String(ticket.number) });
  return `/portal/new?${search.toString()}`;
}
