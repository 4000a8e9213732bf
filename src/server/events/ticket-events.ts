// The live events ticket commands raise once their transaction has committed.
import type { TicketStatus } from "../../contracts/tickets";
import type { AppContext } from "../context";
import type { LiveEvent, LiveEventType } from "./bus";

export interface TicketRef {
  number: number;
  companyId: string;
  status: TicketStatus;
}

/** A change customers of the ticket's company may see too (status, a public message). */
export function publicTicketEvent(type: LiveEventType, ticket: TicketRef, at: number): LiveEvent {
  return {
    type,
    audience: { kind: "company", companyId: ticket.companyId },
    data: { ticketNumber: ticket.number, status: ticket.status },
    at,
  };
}

/** A change only staff may see (an internal note, an SLA alert, an assignment). */
export function staffTicketEvent(
  type: LiveEventType,
  ticket: TicketRef,
  at: number,
  extra: LiveEvent["data"] = {},
): LiveEvent {
  return {
    type,
    audience: { kind: "staff" },
    data: { ...extra, ticketNumber: ticket.number, status: ticket.status, companyId: ticket.companyId },
    at,
  };
}

export async function publishAll(ctx: AppContext, events: readonly LiveEvent[]): Promise<void> {
  for (const event of events) await ctx.live.publish(event);
}
