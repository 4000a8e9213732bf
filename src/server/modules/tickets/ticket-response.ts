// The ticket as a command's answer, presented for the caller: read again after the commit, or as
// the command wrote it (a new ticket's page, `openTicketIn`).
import type { Ticket } from "../../../contracts/tickets";
import type { Actor } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { ticketSettingsOf } from "../settings/service";
import { presentTicket } from "./presenter";
import { getTicketDetail, type TicketDetail } from "./read-service";

export async function ticketResponse(ctx: AppContext, actor: Actor, number: number): Promise<Ticket> {
  const detail = await getTicketDetail(ctx, actor, number);
  if (!detail) throw errors.notFound("ticket.not_found");
  return presentTicketDetail(ctx, actor, detail);
}

export async function presentTicketDetail(
  ctx: AppContext,
  actor: Actor,
  detail: TicketDetail,
): Promise<Ticket> {
  return presentTicket(detail, {
    actor,
    reopenWindowMs: (await ticketSettingsOf(ctx)).reopenWindowMs,
    now: ctx.clock.now(),
  });
}
