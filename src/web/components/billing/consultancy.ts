// What the ticket's history says about its classification and estimates, for the pages that explain them.
import type { Estimate } from "../../../contracts/billing";
import type { Ticket } from "../../../contracts/tickets";

/** The reason the team gave when it last classified the ticket as consultancy (sanitized HTML), if any. */
export function consultancyReasonHtml(ticket: Pick<Ticket, "events">): string | null {
  const last = ticket.events.findLast(
    (event) => event.type === "kind_changed" && event.toKind === "consultancy",
  );
  return last?.bodyHtml ?? null;
}

/** The estimate still in play (draft or awaiting approval): a ticket has at most one. */
export function openEstimate(estimates: readonly Estimate[]): Estimate | undefined {
  return estimates.find((estimate) => estimate.status === "draft" || estimate.status === "sent");
}
