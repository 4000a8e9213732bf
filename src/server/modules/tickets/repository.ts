// Tickets and their history in the database. Customer scoping happens here: a customer's query
// carries its company in the same SQL, search included, and never reads internal events.
import { sql } from "kysely";
import type { Scope } from "../../../domain/policies";
import type { QueryTerm } from "../../../domain/search/portuguese";
import { dialectOf } from "../../db/dialect";
import type { Executor, TicketEventTable, TicketTable } from "../../db/schema";
import { scopedCompanyId } from "../../db/scope";
import { companyTerm, ticketMatches } from "../../db/search";

export type TicketRow = TicketTable;
export type TicketEventRow = TicketEventTable;

/** Which history a reader may see: customers only public events. */
export type Visibility = "public" | "all";

/** A ticket joined with the rows that name its company, requester, category and screen, in scope. */
function ticketsJoinedWithNames(db: Executor, scope: Scope) {
  const companyId = scopedCompanyId(scope);
  return db
    .selectFrom("ticket")
    .innerJoin("company", "company.id", "ticket.company_id")
    .innerJoin("app_user as requester", "requester.id", "ticket.requester_id")
    .innerJoin("category", "category.id", "ticket.category_id")
    .innerJoin("screen", "screen.code", "ticket.screen_code")
    .select([
      "company.name as company_name",
      "requester.name as requester_name",
      "requester.role as requester_role",
      "category.name as category_name",
      "screen.name as screen_name",
    ])
    .$if(companyId !== undefined, (q) => q.where("ticket.company_id", "=", companyId ?? ""));
}

/** What a list row shows: no long texts, so a page of 25 reads little. */
function ticketSummaries(db: Executor, scope: Scope) {
  return ticketsJoinedWithNames(db, scope).select([
    "ticket.number",
    "ticket.status",
    "ticket.priority",
    "ticket.subject",
    "ticket.screen_code",
    "ticket.category_id",
    "ticket.company_id",
    "ticket.requester_id",
    "ticket.created_at",
    "ticket.updated_at",
  ]);
}
export type TicketSummaryRow = Awaited<
  ReturnType<ReturnType<typeof ticketSummaries>["executeTakeFirstOrThrow"]>
>;

/** The whole ticket with the names its page shows, in one query. */
function ticketsWithNames(db: Executor, scope: Scope) {
  return ticketsJoinedWithNames(db, scope)
    .leftJoin("ticket as related", "related.id", "ticket.related_ticket_id")
    .selectAll("ticket")
    .select("related.number as related_number");
}
export type TicketWithNames = Awaited<
  ReturnType<ReturnType<typeof ticketsWithNames>["executeTakeFirstOrThrow"]>
>;

export function findTicketByNumber(
  db: Executor,
  scope: Scope,
  number: number,
): Promise<TicketWithNames | undefined> {
  return ticketsWithNames(db, scope).where("ticket.number", "=", number).executeTakeFirst();
}

/**
 * The bare row, for commands. `lock` takes a row lock on PostgreSQL so that concurrent commands on
 * one ticket queue up; SQLite serializes writers anyway.
 */
export function findTicketRow(
  db: Executor,
  scope: Scope,
  number: number,
  options: { lock?: boolean } = {},
): Promise<TicketRow | undefined> {
  const companyId = scopedCompanyId(scope);
  return db
    .selectFrom("ticket")
    .selectAll()
    .where("number", "=", number)
    .$if(companyId !== undefined, (q) => q.where("company_id", "=", companyId ?? ""))
    .$if(options.lock === true && dialectOf(db) === "postgres", (q) => q.forUpdate())
    .executeTakeFirst();
}

export interface TicketListFilter {
  status?: string | undefined;
  companyId?: string | undefined;
  /** Matches the number exactly, or any of the text. */
  number?: number | undefined;
  /** Leaves this ticket out (it was already shown first as the exact match). */
  excludeNumber?: number | undefined;
  terms: QueryTerm[];
  after?: { updatedAt: number; number: number } | undefined;
  limit: number;
}

/**
 * Newest activity first, keyset-paginated on (updated_at, number) with a row-value comparison, so
 * a deep page starts inside the index. A search within one company also names the company's own
 * index term, so the full-text index intersects with the tenant instead of matching every company.
 */
export function listTickets(
  db: Executor,
  scope: Scope,
  filter: TicketListFilter,
): Promise<TicketSummaryRow[]> {
  const { after, terms, number } = filter;
  const dialect = dialectOf(db);
  const company = scopedCompanyId(scope) ?? filter.companyId;
  const searchTerms =
    company !== undefined ? [{ term: companyTerm(company), prefix: undefined }, ...terms] : terms;
  return ticketSummaries(db, scope)
    .$if(filter.companyId !== undefined, (q) => q.where("ticket.company_id", "=", filter.companyId ?? ""))
    .$if(filter.status !== undefined, (q) => q.where("ticket.status", "=", filter.status ?? ""))
    .$if(filter.excludeNumber !== undefined, (q) => q.where("ticket.number", "!=", filter.excludeNumber ?? 0))
    .$if(terms.length > 0 || number !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          ...(number !== undefined ? [eb("ticket.number", "=", number)] : []),
          ...(terms.length > 0 ? [ticketMatches(dialect, searchTerms)] : []),
        ]),
      ),
    )
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb(
          eb.refTuple("ticket.updated_at", "ticket.number"),
          "<",
          eb.tuple(after?.updatedAt ?? 0, after?.number ?? 0),
        ),
      ),
    )
    .orderBy("ticket.updated_at", "desc")
    .orderBy("ticket.number", "desc")
    .limit(filter.limit + 1)
    .execute();
}

export function listEvents(db: Executor, ticketId: string, visibility: Visibility) {
  return db
    .selectFrom("ticket_event")
    .leftJoin("app_user as actor", "actor.id", "ticket_event.actor_id")
    .selectAll("ticket_event")
    .select(["actor.name as actor_name", "actor.role as actor_role"])
    .where("ticket_event.ticket_id", "=", ticketId)
    .$if(visibility === "public", (q) => q.where("ticket_event.internal", "=", 0))
    .orderBy("ticket_event.created_at")
    .orderBy("ticket_event.id")
    .execute();
}
export type EventWithActor = Awaited<ReturnType<typeof listEvents>>[number];

/** Attachments of the ticket's visible events (a file on an internal note stays internal). */
export function listTicketAttachments(db: Executor, ticketId: string, visibility: Visibility) {
  return db
    .selectFrom("attachment")
    .innerJoin("ticket_event", "ticket_event.id", "attachment.event_id")
    .selectAll("attachment")
    .where("attachment.ticket_id", "=", ticketId)
    .$if(visibility === "public", (q) => q.where("ticket_event.internal", "=", 0))
    .orderBy("attachment.created_at")
    .orderBy("attachment.id")
    .execute();
}

/** The next public ticket number; the counter row serializes concurrent openings. */
export async function nextTicketNumber(db: Executor): Promise<number> {
  const row = await db
    .updateTable("counter")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", "ticket_number")
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function insertTicket(db: Executor, row: TicketRow): Promise<void> {
  await db.insertInto("ticket").values(row).execute();
}

export async function insertEvent(db: Executor, row: TicketEventRow): Promise<void> {
  await db.insertInto("ticket_event").values(row).execute();
}

export interface TicketChanges {
  status?: string;
  priority?: string;
  kind?: string;
  resolved_at?: number | null;
  /** Moves the ticket up the lists; internal notes leave it alone. */
  updated_at?: number;
  /** Public text to make searchable. */
  appendTerms?: string;
}

/**
 * Applies changes if the ticket is still at `version`, and bumps it. Returns false when someone
 * else changed it first (the caller answers 409).
 */
export async function updateTicketAt(
  db: Executor,
  id: string,
  version: number,
  changes: TicketChanges,
): Promise<boolean> {
  const { appendTerms, ...columns } = changes;
  const result = await db
    .updateTable("ticket")
    .set((eb) => ({
      ...columns,
      version: eb("version", "+", 1),
      ...(appendTerms
        ? { search_terms: sql<string>`${sql.ref("search_terms")} || ${` ${appendTerms}`}` }
        : {}),
    }))
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findTicketRowById(db: Executor, scope: Scope, id: string): Promise<TicketRow | undefined> {
  const companyId = scopedCompanyId(scope);
  return db
    .selectFrom("ticket")
    .selectAll()
    .where("id", "=", id)
    .$if(companyId !== undefined, (q) => q.where("company_id", "=", companyId ?? ""))
    .executeTakeFirst();
}

export async function isEventInternal(db: Executor, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom("ticket_event")
    .select("internal")
    .where("id", "=", eventId)
    .executeTakeFirst();
  return row?.internal !== 0;
}
