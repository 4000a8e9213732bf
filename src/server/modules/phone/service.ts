// Phone calls, logged by staff: a call that opens a ticket on behalf of a customer, and a call about
// an existing ticket. Each is one transaction with its history events and audit row.
import { isStaffRole, type Role } from "../../../contracts/common";
import type { LogCallRequest, PhoneTicketRequest } from "../../../contracts/phone";
import type { Priority, TicketStatus } from "../../../contracts/tickets";
import { analyze } from "../../../domain/search/portuguese";
import { afterStaffReply } from "../../../domain/tickets/status";
import type { AppContext, CommandMeta } from "../../context";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { publicTicketEvent, staffTicketEvent, type TicketRef } from "../../events/ticket-events";
import { renderMarkdown } from "../../markdown";
import { recordAudit } from "../audit/repository";
import { isCompanyActive } from "../companies/repository";
import { numberOfTicket } from "../relations/repository";
import { advanceTicketClocks } from "../sla/clocks";
import { loadPolicy } from "../sla/policy";
import { newTicketEvent } from "../tickets/events";
import { findTicketRow, insertEvent, updateTicketAt } from "../tickets/repository";
import { insertOpenedTicket } from "../tickets/service";
import { findUser } from "../users/repository";

/** The customer a phone ticket is for: an active customer user of an active company. */
async function requesterOf(trx: Executor, props: PhoneTicketRequest) {
  const user = await findUser(trx, { kind: "all" }, props.requesterId);
  if (!user || user.company_id === null || isStaffRole(user.role as Role))
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
  meta: CommandMeta & { actorId: string },
  props: PhoneTicketRequest,
): Promise<number> {
  const ref = await ctx.db.transaction().execute(async (trx): Promise<TicketRef> => {
    const requester = await requesterOf(trx, props);
    const { durationMinutes, requesterId: _requester, ...ticketProps } = props;
    const { ticket } = await insertOpenedTicket(ctx, trx, {
      requester,
      actorId: meta.actorId,
      channel: "phone",
      props: ticketProps,
    });
    const now = ctx.clock.now();
    await insertEvent(
      trx,
      newTicketEvent(ticket.id, meta.actorId, now, {
        type: "call_logged",
        duration_minutes: durationMinutes,
        ticket_version: ticket.version,
      }),
    );
    await recordAudit(trx, meta, now, {
      action: "ticket.phone_opened",
      targetType: "ticket",
      targetId: ticket.id,
      details: { number: ticket.number, requesterId: requester.id, durationMinutes },
    });
    return { number: ticket.number, companyId: requester.companyId, status: ticket.status };
  });
  await ctx.live.publish(publicTicketEvent("ticket.created", ref, ctx.clock.now()));
  return ref.number;
}

/**
 * A call about an existing ticket. A public summary ("Resumo da ligação") answers like a public staff
 * reply: it takes a new ticket into work and meets the response owed. An internal one changes nothing
 * the customer sees.
 */
export async function logCall(
  ctx: AppContext,
  meta: CommandMeta & { actorId: string },
  number: number,
  props: LogCallRequest,
): Promise<void> {
  const ref = await ctx.db.transaction().execute(async (trx): Promise<TicketRef> => {
    const ticket = await findTicketRow(trx, { kind: "all" }, number, { lock: true });
    if (!ticket) throw errors.notFound("ticket.not_found");
    if (ticket.merged_into_id !== null) throw errors.merged(await numberOfTicket(trx, ticket.merged_into_id));
    const now = ctx.clock.now();
    const status = ticket.status as TicketStatus;
    const next = props.internal ? status : afterStaffReply(status);
    await insertEvent(
      trx,
      newTicketEvent(ticket.id, meta.actorId, now, {
        type: "call_logged",
        internal: props.internal ? 1 : 0,
        body: props.summary,
        body_html: renderMarkdown(props.summary),
        duration_minutes: props.durationMinutes,
        ticket_version: ticket.version + 1,
      }),
    );
    const clockTicket = {
      id: ticket.id,
      priority: ticket.priority as Priority,
      policy: await loadPolicy(trx, ticket.sla_policy_id),
    };
    if (next !== status) {
      await insertEvent(
        trx,
        newTicketEvent(ticket.id, meta.actorId, now, {
          type: "status_changed",
          from_status: status,
          to_status: next,
          ticket_version: ticket.version + 1,
        }),
      );
      await advanceTicketClocks(
        trx,
        clockTicket,
        { kind: "status", from: status, to: next, resolvedAt: ticket.resolved_at },
        now,
      );
    }
    if (!props.internal) await advanceTicketClocks(trx, clockTicket, { kind: "staff_reply" }, now);
    await updateTicketAt(
      trx,
      ticket.id,
      ticket.version,
      props.internal ? {} : { status: next, updated_at: now, appendTerms: analyze(props.summary).join(" ") },
    );
    await recordAudit(trx, meta, now, {
      action: "ticket.call_logged",
      targetType: "ticket",
      targetId: ticket.id,
      details: { number, durationMinutes: props.durationMinutes, internal: props.internal },
    });
    return { number, companyId: ticket.company_id, status: next };
  });
  const at = ctx.clock.now();
  await ctx.live.publish(
    props.internal ? staffTicketEvent("ticket.note", ref, at) : publicTicketEvent("ticket.message", ref, at),
  );
}
