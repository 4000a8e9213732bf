// Time entries ("apontamento de horas"): staff log minutes on a ticket, list them per ticket or per
// person, and delete their own (supervisors and admins any). Each is an audited ticket command (a
// merged ticket takes no time); the live event that follows goes to staff only.
import type { AgentTimeEntryQuery, CreateTimeEntryRequest } from "../../../contracts/billing";
import { billingDateOf } from "../../../domain/billing/months";
import { type Actor, policies } from "../../../domain/policies";
import { ticketPolicies } from "../../../domain/tickets/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeCursor, toPage } from "../../db/cursor";
import { errors } from "../../errors";
import { authorize } from "../../http";
import { recordAudit } from "../audit/repository";
import { ticketCommand } from "../tickets/command";
import { findVisibleTicket } from "../tickets/read-service";
import { billingErrors } from "./errors";
import {
  deleteTimeEntry,
  findTimeEntry,
  insertTimeEntry,
  listTicketTimeEntries,
  listTimeEntries,
  sumTimeEntries,
} from "./time-entry-repository";

/** Logs the actor's minutes on the ticket; the work date defaults to today in São Paulo. */
export async function logTime(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  props: CreateTimeEntryRequest,
): Promise<void> {
  await ticketCommand(ctx, actor, async (tx) => {
    const ticket = await tx.open(number, ticketPolicies.logTime);
    const today = billingDateOf(tx.now);
    const workDate = props.workDate ?? today;
    if (workDate > today) throw errors.field("workDate", "validation.work_date_future", props);
    const id = newId();
    await insertTimeEntry(tx.trx, {
      id,
      ticket_id: ticket.row.id,
      user_id: actor.userId,
      minutes: props.minutes,
      note: props.note,
      billable: props.billable ? 1 : 0,
      work_date: workDate,
      created_at: tx.now,
    });
    ticket.happen({ type: "details_changed", audience: "staff" });
    await recordAudit(tx.trx, meta, tx.now, {
      action: "time_entry.create",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: { timeEntryId: id, minutes: props.minutes, billable: props.billable, workDate },
    });
  });
}

/** Deletes an entry of the ticket: the author's own, or any for supervisors and admins. */
export async function removeTimeEntry(
  ctx: AppContext,
  actor: Actor,
  meta: CommandMeta,
  number: number,
  entryId: string,
): Promise<void> {
  await ticketCommand(ctx, actor, async (tx) => {
    const ticket = await tx.open(number, ticketPolicies.logTime);
    const entry = await findTimeEntry(tx.trx, ticket.row.id, entryId);
    if (!entry) throw billingErrors.timeEntryNotFound();
    authorize(policies.billing.deleteTimeEntry(actor, { userId: entry.user_id }));
    // Two deletions racing: the second finds nothing left to delete.
    if (!(await deleteTimeEntry(tx.trx, entry.id))) throw billingErrors.timeEntryNotFound();
    ticket.happen({ type: "details_changed", audience: "staff" });
    await recordAudit(tx.trx, meta, tx.now, {
      action: "time_entry.delete",
      targetType: "ticket",
      targetId: ticket.row.id,
      details: {
        timeEntryId: entry.id,
        userId: entry.user_id,
        minutes: entry.minutes,
        billable: entry.billable === 1,
        workDate: entry.work_date,
      },
    });
  });
}

/** The ticket's entries and their totals; undefined (→ 404) when there is no such ticket. */
export async function ticketTime(ctx: AppContext, actor: Actor, number: number) {
  const ticket = await findVisibleTicket(ctx, actor, number);
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
