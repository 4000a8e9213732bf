// Time entries ("apontamento de horas"): staff log minutes on a ticket, list them per ticket or per
// person, and delete their own (supervisors and admins any). Each command is one audited transaction;
// the live event that follows goes to staff only.
import type { AgentTimeEntryQuery, CreateTimeEntryRequest } from "../../../contracts/billing";
import { billingDateOf } from "../../../domain/billing/months";
import { type Actor, policies } from "../../../domain/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeCursor, toPage } from "../../db/cursor";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { staffTicketEvent, type TicketRef } from "../../events/ticket-events";
import { authorize } from "../../http";
import { recordAudit } from "../audit/repository";
import { findTicketRow, type TicketRow } from "../tickets/repository";
import { billingErrors } from "./errors";
import {
  deleteTimeEntry,
  findTimeEntry,
  insertTimeEntry,
  listTicketTimeEntries,
  listTimeEntries,
  sumTimeEntries,
} from "./time-entry-repository";

const ALL = { kind: "all" } as const;

async function staffTicket(db: Executor, number: number): Promise<TicketRow> {
  const ticket = await findTicketRow(db, ALL, number);
  if (!ticket) throw errors.notFound("ticket.not_found");
  return ticket;
}

const refOf = (ticket: TicketRow): TicketRef => ({
  number: ticket.number,
  companyId: ticket.company_id,
  status: ticket.status,
});

/** Logs the actor's minutes on the ticket; the work date defaults to today in São Paulo. */
export async function logTime(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  props: CreateTimeEntryRequest,
): Promise<void> {
  const ref = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await staffTicket(trx, number);
    const now = ctx.clock.now();
    const today = billingDateOf(now);
    const workDate = props.workDate ?? today;
    if (workDate > today) throw errors.field("workDate", "validation.work_date_future", props);
    const id = newId();
    await insertTimeEntry(trx, {
      id,
      ticket_id: ticket.id,
      user_id: actor.userId,
      minutes: props.minutes,
      note: props.note,
      billable: props.billable ? 1 : 0,
      work_date: workDate,
      created_at: now,
    });
    await recordAudit(trx, meta, now, {
      action: "time_entry.create",
      targetType: "ticket",
      targetId: ticket.id,
      details: { timeEntryId: id, minutes: props.minutes, billable: props.billable, workDate },
    });
    return refOf(ticket);
  });
  await ctx.live.publish(staffTicketEvent("ticket.updated", ref, ctx.clock.now()));
}

/** Deletes an entry of the ticket: the author's own, or any for supervisors and admins. */
export async function removeTimeEntry(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  entryId: string,
): Promise<void> {
  const ref = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await staffTicket(trx, number);
    const entry = await findTimeEntry(trx, ticket.id, entryId);
    if (!entry) throw billingErrors.timeEntryNotFound();
    authorize(policies.billing.deleteTimeEntry(actor, { userId: entry.user_id }));
    // Two deletions racing: the second finds nothing left to delete.
    if (!(await deleteTimeEntry(trx, entry.id))) throw billingErrors.timeEntryNotFound();
    const now = ctx.clock.now();
    await recordAudit(trx, meta, now, {
      action: "time_entry.delete",
      targetType: "ticket",
      targetId: ticket.id,
      details: {
        timeEntryId: entry.id,
        userId: entry.user_id,
        minutes: entry.minutes,
        billable: entry.billable === 1,
        workDate: entry.work_date,
      },
    });
    return refOf(ticket);
  });
  await ctx.live.publish(staffTicketEvent("ticket.updated", ref, ctx.clock.now()));
}

/** The ticket's entries and their totals; undefined (→ 404) when there is no such ticket. */
export async function ticketTime(ctx: AppContext, number: number) {
  const ticket = await findTicketRow(ctx.db, ALL, number);
  if (!ticket) return undefined;
  const rows = await listTicketTimeEntries(ctx.db, ticket.id);
  const minutes = rows.reduce((sum, row) => sum + row.minutes, 0);
  const billableMinutes = rows.reduce((sum, row) => sum + (row.billable === 1 ? row.minutes : 0), 0);
  return { rows, totals: { minutes, billableMinutes } };
}

/**
 * A page of one person's time (agents: their own; supervisors and admins: anyone's, or everyone's
 * without `userId`), newest work day first, with the totals of the whole range.
 */
export async function pageTimeEntries(ctx: AppContext, actor: Actor, query: AgentTimeEntryQuery) {
  // Without `userId`: everyone's for those who may read everyone's, else one's own.
  const mayReadAll = policies.billing.readTimeOf(actor, null) === "allow";
  const userId = query.userId ?? (mayReadAll ? null : actor.userId);
  authorize(policies.billing.readTimeOf(actor, userId));
  const filter = { userId: userId ?? undefined, from: query.from, to: query.to };
  const after = query.cursor ? decodeEntryCursor(query.cursor) : undefined;
  const [rows, totals] = await Promise.all([
    listTimeEntries(ctx.db, { ...filter, after, limit: query.limit }),
    sumTimeEntries(ctx.db, filter),
  ]);
  return { ...toPage(rows, query.limit, (row) => [row.work_date, row.id]), totals };
}

function decodeEntryCursor(cursor: string): { workDate: string; id: string } {
  const [workDate, id] = decodeCursor(cursor, 2);
  if (typeof workDate !== "string" || typeof id !== "string")
    throw errors.field("cursor", "validation.invalid_format", { cursor });
  return { workDate, id };
}
