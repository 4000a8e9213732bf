// Phone calls, logged by staff: a call that opens a ticket on behalf of a customer, and a call about
// an existing ticket. Each is one ticket command with its history events and audit row.
import { isStaffRole } from "../../../contracts/common";
import type { LogCallRequest, PhoneTicketRequest } from "../../../contracts/phone";
import type { Actor } from "../../../domain/policies";
import { ticketPolicies } from "../../../domain/tickets/policies";
import { afterStaffReply } from "../../../domain/tickets/status";
import type { AppContext, CommandMeta } from "../../context";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { renderMarkdown } from "../../markdown";
import { recordAudit } from "../audit/repository";
import { isCompanyActive } from "../companies/repository";
import { ticketSettingsOf } from "../settings/service";
import { ticketCommand } from "../tickets/command";
import { openTicketIn } from "../tickets/service";
import { findUser } from "../users/repository";

/** The customer a phone ticket is for: an active customer user of an active company. */
async function requesterOf(trx: Executor, props: PhoneTicketRequest) {
  const user = await findUser(trx, { kind: "all" }, props.requesterId);
  if (!user || user.company_id === null || isStaffRole(user.role))
    throw errors.field("requesterId", "validation.requester_unknown", props);
  if (user.active !== 1 || !(await isCompanyActive(trx, user.company_id)))
    throw errors.field("requesterId", "validation.requester_inactive", props);
  return { id: user.id, companyId: user.company_id };
}

/**
 * A call that opens a ticket: the customer is its requester (it shows in their company's list), the
 * agent is who opened it, and a public `call_logged` event keeps the call's duration. Returns the number.
 */
export async function openPhoneTicket(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  props: PhoneTicketRequest,
): Promise<number> {
  const { slaWarningShare } = await ticketSettingsOf(ctx);
  return ticketCommand(ctx, actor, async (tx) => {
    const requester = await requesterOf(tx.trx, props);
    const { durationMinutes, requesterId: _requester, ...ticketProps } = props;
    const { ticket } = await openTicketIn(tx, {
      requester,
      actorId: actor.userId,
      channel: "phone",
      props: ticketProps,
      slaWarningShare,
    });
    await ticket.event({ type: "call_logged", duration_minutes: durationMinutes });
    await recordAudit(tx.trx, meta, tx.now, {
      action: "ticket.phone_opened",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { number: ticket.row.number, requesterId: requester.id, durationMinutes },
    });
    return ticket.row.number;
  });
}

/**
 * A call about an existing ticket. A public summary ("Resumo da ligação") answers like a public staff
 * reply: it takes a new ticket into work and meets the response owed. An internal one changes nothing
 * the customer sees.
 */
export async function logCall(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  props: LogCallRequest,
): Promise<void> {
  await ticketCommand(ctx, actor, async (tx) => {
    const ticket = await tx.open(number, ticketPolicies.logCall);
    const call = await ticket.event({
      type: "call_logged",
      internal: props.internal ? 1 : 0,
      body: props.summary,
      body_html: renderMarkdown(props.summary),
      duration_minutes: props.durationMinutes,
    });
    if (!props.internal) {
      await ticket.moveTo(afterStaffReply(ticket.status));
      ticket.clock({ kind: "staff_reply" });
      ticket.searchable(props.summary);
    }
    ticket.happen({
      type: "message",
      eventId: call.id,
      by: "staff",
      internal: props.internal,
      mentioned: [],
    });
    await recordAudit(tx.trx, meta, tx.now, {
      action: "ticket.call_logged",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { number, durationMinutes: props.durationMinutes, internal: props.internal },
    });
  });
}
