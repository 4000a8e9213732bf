// The ticket as a command's answer: read again after the commit and presented for the caller.
import type { Ticket } from "../../../contracts/tickets";
import type { Actor } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { ticketSettingsOf } from "../settings/service";
import { presentTicket } from "./presenter";
import { getTicketDetail } from "./read-service";

export async function ticketResponse(ctx: AppContext, actor: Actor, number: number): Promise<Ticket> {
  const detail = await getTicketDetail(ctx, actor, number);
  if (!detail) throw errors.notFound("ticket.not_found");
  return presentTicket(detail, {
    actor,
    reopenWindowMs: (await ticketSettingsOf(ctx)).reopenWindowMs,
    now: ctx.clock.now(),
  });
}
