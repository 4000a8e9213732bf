// Time entries in the database: per ticket, per person over a range of work dates, and their sums.
// Only staff reach these queries; nothing here is ever joined into a customer's read.
import { type ExpressionBuilder, sql } from "kysely";
import type { Database, Executor, TimeEntryTable } from "../../db/schema";

export type TimeEntryRow = TimeEntryTable;

/** An entry with its author's name and role and its ticket's number, subject and company. */
function entriesWithNames(db: Executor) {
  return db
    .selectFrom("time_entry")
    .innerJoin("app_user as author", "author.id", "time_entry.user_id")
    .innerJoin("ticket", "ticket.id", "time_entry.ticket_id")
    .innerJoin("company", "company.id", "ticket.company_id")
    .selectAll("time_entry")
    .select([
      "author.name as user_name",
      "author.role as user_role",
      "ticket.number as ticket_number",
      "ticket.subject as ticket_subject",
      "company.name as company_name",
    ]);
}
export type TimeEntryWithNames = Awaited<
  ReturnType<ReturnType<typeof entriesWithNames>["executeTakeFirstOrThrow"]>
>;

export async function insertTimeEntry(db: Executor, row: TimeEntryRow): Promise<void> {
  await db.insertInto("time_entry").values(row).execute();
}

export function findTimeEntry(db: Executor, ticketId: string, id: string): Promise<TimeEntryRow | undefined> {
  return db
    .selectFrom("time_entry")
    .selectAll()
    .where("id", "=", id)
    .where("ticket_id", "=", ticketId)
    .executeTakeFirst();
}

export async function deleteTimeEntry(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom("time_entry").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A ticket's entries, the latest work day first (read through the (ticket_id, created_at) index). */
export function listTicketTimeEntries(db: Executor, ticketId: string): Promise<TimeEntryWithNames[]> {
  return entriesWithNames(db)
    .where("time_entry.ticket_id", "=", ticketId)
    .orderBy("time_entry.work_date", "desc")
    .orderBy("time_entry.id", "desc")
    .execute();
}

export interface TimeRangeFilter {
  /** One person's entries; undefined for everyone's. */
  userId?: string | undefined;
  /** Inclusive work dates, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
}

function inRange(filter: TimeRangeFilter) {
  return (eb: ExpressionBuilder<Database, "time_entry">) =>
    eb.and([
      ...(filter.userId !== undefined ? [eb("time_entry.user_id", "=", filter.userId)] : []),
      ...(filter.from !== undefined ? [eb("time_entry.work_date", ">=", filter.from)] : []),
      ...(filter.to !== undefined ? [eb("time_entry.work_date", "<=", filter.to)] : []),
    ]);
}

/**
 * A page of entries, newest work day first, keyset on (work_date, id): one person's through the
 * (user_id, work_date) index, everyone's through (work_date, id).
 */
export function listTimeEntries(
  db: Executor,
  filter: TimeRangeFilter & { after?: { workDate: string; id: string } | undefined; limit: number },
): Promise<TimeEntryWithNames[]> {
  const { after } = filter;
  return entriesWithNames(db)
    .where(inRange(filter))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb(
          eb.refTuple("time_entry.work_date", "time_entry.id"),
          "<",
          eb.tuple(after?.workDate ?? "", after?.id ?? ""),
        ),
      ),
    )
    .orderBy("time_entry.work_date", "desc")
    .orderBy("time_entry.id", "desc")
    .limit(filter.limit + 1)
    .execute();
}

const billableMinutes = sql<number>`coalesce(sum(case when ${sql.ref("time_entry.billable")} = 1 then ${sql.ref("time_entry.minutes")} else 0 end), 0)`;
const allMinutes = sql<number>`coalesce(sum(${sql.ref("time_entry.minutes")}), 0)`;

/** The minutes of every entry in the range, and of the billable ones. */
export async function sumTimeEntries(
  db: Executor,
  filter: TimeRangeFilter,
): Promise<{ minutes: number; billableMinutes: number }> {
  const row = await db
    .selectFrom("time_entry")
    .select([allMinutes.as("minutes"), billableMinutes.as("billable_minutes")])
    .where(inRange(filter))
    .executeTakeFirst();
  return { minutes: Number(row?.minutes ?? 0), billableMinutes: Number(row?.billable_minutes ?? 0) };
}

/** Per company, the minutes logged on its tickets with a work date in [from, until). */
export function timeByCompany(db: Executor, from: string, until: string) {
  return db
    .selectFrom("time_entry")
    .innerJoin("ticket", "ticket.id", "time_entry.ticket_id")
    .select(["ticket.company_id", allMinutes.as("minutes"), billableMinutes.as("billable_minutes")])
    .where("time_entry.work_date", ">=", from)
    .where("time_entry.work_date", "<", until)
    .groupBy("ticket.company_id")
    .execute();
}

/** Per ticket of one company, the minutes logged with a work date in [from, until), by ticket number. */
export function timeByTicketOfCompany(db: Executor, companyId: string, from: string, until: string) {
  return db
    .selectFrom("time_entry")
    .innerJoin("ticket", "ticket.id", "time_entry.ticket_id")
    .select([
      "ticket.number",
      "ticket.subject",
      allMinutes.as("minutes"),
      billableMinutes.as("billable_minutes"),
    ])
    .where("ticket.company_id", "=", companyId)
    .where("time_entry.work_date", ">=", from)
    .where("time_entry.work_date", "<", until)
    .groupBy(["ticket.number", "ticket.subject"])
    .orderBy("ticket.number")
    .execute();
}
