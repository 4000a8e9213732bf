// Tickets and their history in the database. Customer scoping happens here: a customer's query
// carries its company in the same SQL, search included, and never reads internal events.
import { type Expression, type SqlBool, sql } from "kysely";
import type { Role } from "../../../contracts/common";
import type { Priority, TicketKind, TicketStatus } from "../../../contracts/tickets";
import type { Scope } from "../../../domain/policies";
import type { QueryTerm } from "../../../domain/search/portuguese";
import { cursorKey } from "../../db/cursor";
import { dialectOf } from "../../db/dialect";
import { jsonRows, parseJsonRows } from "../../db/json-rows";
import { insertTogether, PreparedInsert, PreparedQuery } from "../../db/prepared";
import { rowLimit } from "../../db/row-limit";
import type {
  AttachmentTable,
  Executor,
  SlaClockTable,
  TicketEventTable,
  TicketTable,
} from "../../db/schema";
import { scopedCompanyId } from "../../db/scope";
import { hasTerms, matchText, ticketHits } from "../../db/search";
import type { LinkedTicketRow } from "../relations/repository";
import { clocksInsertStatement } from "../sla/repository";

export type TicketRow = TicketTable;
export type TicketEventRow = TicketEventTable;

/** Which history a reader may see: customers only public events. */
export type Visibility = "public" | "all";

/** A ticket joined with the rows that name its company, requester, category and screen. */
function ticketsJoinedWithNames(db: Executor) {
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
    ]);
}

/** What a list row shows: no long texts, so a page of 25 reads little. */
function ticketSummaries(db: Executor) {
  return ticketsJoinedWithNames(db).select([
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

/**
 * Every column of `ticket` that schema.ts declares (a column missing here is a compile error), named:
 * `select ticket.*` would also bring PostgreSQL's stored search vector (migration 0029), hundreds of
 * bytes per ticket that no page shows.
 */
const TICKET_COLUMNS = Object.keys({
  id: true,
  number: true,
  company_id: true,
  requester_id: true,
  category_id: true,
  screen_code: true,
  subject: true,
  description: true,
  description_html: true,
  example_record: true,
  priority: true,
  status: true,
  channel: true,
  kind: true,
  assignee_id: true,
  related_ticket_id: true,
  version: true,
  search_terms: true,
  sla_policy_id: true,
  created_at: true,
  updated_at: true,
  resolved_at: true,
  queue_due_at: true,
  queue_warn_at: true,
  priority_order: true,
  merged_into_id: true,
} satisfies Record<keyof TicketTable, true>) as (keyof TicketTable)[];

/** The whole ticket with the names its page shows, in one query. */
function ticketsWithNames(db: Executor) {
  return ticketsJoinedWithNames(db)
    .leftJoin("ticket as related", "related.id", "ticket.related_ticket_id")
    .leftJoin("ticket as merged_into", "merged_into.id", "ticket.merged_into_id")
    .leftJoin("app_user as assignee", "assignee.id", "ticket.assignee_id")
    .select(TICKET_COLUMNS.map((column) => `ticket.${column}` as const))
    .select([
      "related.number as related_number",
      "merged_into.number as merged_into_number",
      "assignee.name as assignee_name",
    ]);
}
export type TicketWithNames = Awaited<
  ReturnType<ReturnType<typeof ticketsWithNames>["executeTakeFirstOrThrow"]>
>;

// A ticket's page, by number, in or out of a company's scope.
const ticketByNumber = new PreparedQuery(
  (db, scoped: boolean, values: { number: number; companyId: string }) =>
    ticketsWithNames(db)
      .where("ticket.number", "=", values.number)
      .$if(scoped, (q) => q.where("ticket.company_id", "=", values.companyId)),
  (scoped) => (scoped ? "company" : "all"),
);

export function findTicketByNumber(
  db: Executor,
  scope: Scope,
  number: number,
): Promise<TicketWithNames | undefined> {
  const companyId = scopedCompanyId(scope);
  return ticketByNumber.executeTakeFirst(db, companyId !== undefined, { number, companyId: companyId ?? "" });
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

/** A list row with its sort key: relevance when the list was searched, else its updated_at. */
export type ListedTicketRow = TicketSummaryRow & { score: number };

export interface TicketListFilter {
  status?: TicketStatus | undefined;
  companyId?: string | undefined;
  /** Matches the number exactly. */
  number?: number | undefined;
  /** Leaves this ticket out (it was already shown first as the exact match). */
  excludeNumber?: number | undefined;
  /** With terms the list is ranked by relevance, and `after` is a relevance score, not an instant. */
  terms: QueryTerm[];
  /** The last row of the previous page: its updated_at, or its score when ranked. */
  after?: { key: number; number: number } | undefined;
  limit: number;
}

/** Which optional parts a list query has: one compiled query per combination. */
export interface ListShape {
  company: boolean;
  status: boolean;
  exclude: boolean;
  number: boolean;
  /** Ranked by relevance to the full-text match. */
  search: boolean;
  after: boolean;
  /** Rows to read: in the SQL itself, so that PostgreSQL's generic plan knows it (see prepared.ts). */
  limit: number;
}

export interface ListValues {
  [name: string]: string | number;
  companyId: string;
  status: TicketStatus;
  excludeNumber: number;
  number: number;
  match: string;
  afterKey: number;
  afterNumber: number;
}

/** A page of the list's query; exported for the query-plan tests. */
export function buildTicketList(db: Executor, shape: ListShape, values: ListValues) {
  // A ranked page of one company starts from the index's best rows (its term is in the match): on
  // SQLite the company filter is kept out of any index (`+`), or at 100 000 tickets the planner chose
  // to read the company's 500 tickets with their joins and look each up among the hits (1.3 ms, not 0.5).
  const topOnly = shape.search && !shape.status && !shape.number;
  const companyColumn =
    topOnly && dialectOf(db) === "sqlite"
      ? sql<string>`+"ticket"."company_id"`
      : sql<string>`"ticket"."company_id"`;
  const filtered = ticketSummaries(db)
    .$if(shape.company, (q) => q.where(companyColumn, "=", values.companyId))
    .$if(shape.status, (q) => q.where("ticket.status", "=", values.status))
    .$if(shape.exclude, (q) => q.where("ticket.number", "!=", values.excludeNumber))
    .$if(shape.number, (q) => q.where("ticket.number", "=", values.number));
  if (shape.search) {
    // The full-text index finds the rows (within the company, by its term) and scores them; without
    // a status or number filter every condition is in the match, so only the index's best page is joined.
    const hit = sql<number>`hit.score`;
    const top = topOnly
      ? {
          limit: shape.limit,
          after: shape.after ? { key: values.afterKey, number: values.afterNumber } : undefined,
          exclude: shape.exclude ? values.excludeNumber : undefined,
        }
      : undefined;
    return filtered
      .innerJoin(ticketHits(dialectOf(db), values.match, top).as("hit"), (join) =>
        join.on(sql<SqlBool>`hit.number = ticket.number`),
      )
      .select(hit.as("score"))
      .$if(shape.after, (q) =>
        q.where(sql<SqlBool>`(hit.score, ticket.number) < (${values.afterKey}, ${values.afterNumber})`),
      )
      .orderBy(hit, "desc")
      .orderBy("ticket.number", "desc")
      .limit(rowLimit(shape.limit));
  }
  return filtered
    .select(sql<number>`ticket.updated_at`.as("score"))
    .$if(shape.after, (q) =>
      q.where(
        sql<SqlBool>`(ticket.updated_at, ticket.number) < ${cursorKey(db, [
          [values.afterKey, "bigint"],
          [values.afterNumber, "integer"],
        ])}`,
      ),
    )
    .orderBy("ticket.updated_at", "desc")
    .orderBy("ticket.number", "desc")
    .limit(rowLimit(shape.limit));
}

const ticketList = new PreparedQuery(buildTicketList, (shape) => {
  const parts = [shape.company, shape.status, shape.exclude, shape.number, shape.search, shape.after];
  return `${parts.map((part) => (part ? "1" : "0")).join("")}:${shape.limit}`;
});

/**
 * Newest activity first, keyset-paginated on (updated_at, number) with a row-value comparison, so
 * a deep page starts inside the index. A text query ranks instead: the rows matching any of its
 * terms, the best match first (`ticket_rank` on SQLite, ts_rank on PostgreSQL), keyset-paginated on
 * (score, number) — `score` is returned with every row for the cursor. A search within one company
 * also requires the company's own index term, so the full-text index intersects with the tenant
 * instead of matching every company. A customer's scope and a staff filter by company both come
 * down to one company.
 */
export function listTickets(
  db: Executor,
  scope: Scope,
  filter: TicketListFilter,
): Promise<ListedTicketRow[]> {
  const { after, terms, number } = filter;
  const scoped = scopedCompanyId(scope);
  if (scoped !== undefined && filter.companyId !== undefined && filter.companyId !== scoped) {
    return Promise.resolve([]);
  }
  const company = scoped ?? filter.companyId;
  const search = hasTerms(terms);
  const shape: ListShape = {
    company: company !== undefined,
    status: filter.status !== undefined,
    exclude: filter.excludeNumber !== undefined,
    number: number !== undefined,
    search,
    after: after !== undefined,
    limit: filter.limit + 1,
  };
  return ticketList.execute(db, shape, {
    companyId: company ?? "",
    // Any status: the shape leaves the condition out when there is none.
    status: filter.status ?? "open",
    excludeNumber: filter.excludeNumber ?? 0,
    number: number ?? 0,
    match: search ? matchText(dialectOf(db), terms, { companyId: company }) : "",
    afterKey: after?.key ?? 0,
    afterNumber: after?.number ?? 0,
  });
}

/** What a ticket's page shows of a history event: its columns but the markdown source, with names. */
export type EventWithActor = Omit<TicketEventTable, "ticket_id" | "body"> & {
  actor_name: string | null;
  actor_role: Role | null;
  related_number: number | null;
};

/** What a ticket's page shows of an attachment. */
export type TicketAttachmentRow = Pick<
  AttachmentTable,
  "id" | "event_id" | "filename" | "content_type" | "size" | "purged_at" | "created_at"
>;

/** What a ticket's page shows of the ticket: every column but its search terms, with names. */
const PAGE_TICKET_COLUMNS = [
  "ticket.id",
  "ticket.number",
  "ticket.company_id",
  "ticket.requester_id",
  "ticket.category_id",
  "ticket.screen_code",
  "ticket.subject",
  "ticket.description",
  "ticket.description_html",
  "ticket.example_record",
  "ticket.priority",
  "ticket.status",
  "ticket.channel",
  "ticket.kind",
  "ticket.assignee_id",
  "ticket.related_ticket_id",
  "ticket.version",
  "ticket.sla_policy_id",
  "ticket.created_at",
  "ticket.updated_at",
  "ticket.resolved_at",
  "ticket.merged_into_id",
] as const;

export interface TicketPageShape {
  /** Within one company (a customer's read). */
  scoped: boolean;
  visibility: Visibility;
  /** The lists as JSON columns of the ticket's row (PostgreSQL), or read apart (SQLite). */
  lists: boolean;
}

/** A ticket's id or company: the outer query's column when a list is its JSON column, else a value. */
type TicketKey = string | Expression<string>;

/** The history its reader may see, with the names it shows. */
function pageEvents(db: Executor, ticketId: TicketKey, visibility: Visibility) {
  return db
    .selectFrom("ticket_event as event")
    .leftJoin("app_user as actor", "actor.id", "event.actor_id")
    .leftJoin("ticket as event_related", "event_related.id", "event.related_ticket_id")
    .select([
      "event.id",
      "event.type",
      "event.actor_id",
      "event.internal",
      "event.body_html",
      "event.from_status",
      "event.to_status",
      "event.from_priority",
      "event.to_priority",
      "event.metric",
      "event.to_kind",
      "event.field",
      "event.from_value",
      "event.to_value",
      "event.related_ticket_id",
      "event.ticket_version",
      "event.duration_minutes",
      "event.created_at",
      "actor.name as actor_name",
      "actor.role as actor_role",
      "event_related.number as related_number",
    ])
    .where("event.ticket_id", "=", ticketId)
    .$if(visibility === "public", (q) => q.where("event.internal", "=", 0));
}

/** Files of the visible events only: a file on an internal note stays internal. */
function pageAttachments(db: Executor, ticketId: TicketKey, visibility: Visibility) {
  return db
    .selectFrom("attachment")
    .innerJoin("ticket_event as event", "event.id", "attachment.event_id")
    .select([
      "attachment.id",
      "attachment.event_id",
      "attachment.filename",
      "attachment.content_type",
      "attachment.size",
      "attachment.purged_at",
      "attachment.created_at",
    ])
    .where("attachment.ticket_id", "=", ticketId)
    .$if(visibility === "public", (q) => q.where("event.internal", "=", 0));
}

function pageClocks(db: Executor, ticketId: TicketKey) {
  return db
    .selectFrom("sla_clock")
    .select([
      "sla_clock.id",
      "sla_clock.ticket_id",
      "sla_clock.metric",
      "sla_clock.cycle",
      "sla_clock.started_at",
      "sla_clock.target_minutes",
      "sla_clock.pauses",
      "sla_clock.due_at",
      "sla_clock.warn_at",
      "sla_clock.met_at",
      "sla_clock.stopped_at",
      "sla_clock.warned_at",
      "sla_clock.breached_at",
    ])
    .where("sla_clock.ticket_id", "=", ticketId);
}

/** Related tickets of the ticket's own company only, whatever the rows say. */
function pageLinks(db: Executor, ticketId: TicketKey, companyId: TicketKey) {
  return db
    .selectFrom("ticket_link")
    .innerJoin("ticket as linked", "linked.id", "ticket_link.linked_ticket_id")
    .select(["linked.number", "linked.subject", "linked.status"])
    .where("ticket_link.ticket_id", "=", ticketId)
    .where("linked.company_id", "=", companyId);
}

function pageTags(db: Executor, ticketId: TicketKey) {
  return db.selectFrom("ticket_tag").select("ticket_tag.tag").where("ticket_tag.ticket_id", "=", ticketId);
}

/**
 * A ticket's page: the ticket with the names it shows and, with `lists`, as JSON columns the history
 * and files its reader may see, its SLA clocks, its related tickets and, for staff, its tags.
 * Exported for the query-plan tests.
 */
export function buildTicketPage(
  db: Executor,
  shape: TicketPageShape,
  values: { number: number; companyId: string },
) {
  const id = sql.ref<string>("ticket.id");
  const company = sql.ref<string>("ticket.company_id");
  return ticketsJoinedWithNames(db)
    .leftJoin("ticket as related", "related.id", "ticket.related_ticket_id")
    .leftJoin("ticket as merged_into", "merged_into.id", "ticket.merged_into_id")
    .leftJoin("app_user as assignee", "assignee.id", "ticket.assignee_id")
    .select(PAGE_TICKET_COLUMNS)
    .select([
      "related.number as related_number",
      "merged_into.number as merged_into_number",
      "assignee.name as assignee_name",
    ])
    .$if(shape.lists, (q) =>
      q.select([
        jsonRows(db, pageEvents(db, id, shape.visibility), ["created_at", "id"]).as("events"),
        jsonRows(db, pageAttachments(db, id, shape.visibility), ["created_at", "id"]).as("attachments"),
        jsonRows(db, pageClocks(db, id), ["metric", "cycle"]).as("clocks"),
        jsonRows(db, pageLinks(db, id, company), ["number"]).as("links"),
        // Tags are the team's: a customer's read does not even look them up.
        shape.visibility === "public"
          ? sql<{ tag: string }[] | string | null>`null`.as("tags")
          : jsonRows(db, pageTags(db, id), ["tag"]).as("tags"),
      ]),
    )
    .where("ticket.number", "=", values.number)
    .$if(shape.scoped, (q) => q.where("ticket.company_id", "=", values.companyId));
}

const ticketPage = new PreparedQuery(
  buildTicketPage,
  (shape) => `${shape.scoped}:${shape.visibility}:${shape.lists}`,
);

// The lists read apart, on SQLite: there a statement costs a function call, not a round trip, and
// encoding long texts as JSON and parsing them again would cost more than the statements it saves.
type PageListValues = { ticketId: string; companyId: string };
const eventsOfTicket = new PreparedQuery(
  (db, visibility: Visibility, values: PageListValues) =>
    pageEvents(db, values.ticketId, visibility).orderBy("event.created_at").orderBy("event.id"),
  (visibility) => visibility,
);
const attachmentsOfTicket = new PreparedQuery(
  (db, visibility: Visibility, values: PageListValues) =>
    pageAttachments(db, values.ticketId, visibility)
      .orderBy("attachment.created_at")
      .orderBy("attachment.id"),
  (visibility) => visibility,
);
const clocksOfPage = PreparedQuery.single((db, values: PageListValues) =>
  pageClocks(db, values.ticketId).orderBy("sla_clock.metric").orderBy("sla_clock.cycle"),
);
const linksOfTicket = PreparedQuery.single((db, values: PageListValues) =>
  pageLinks(db, values.ticketId, values.companyId).orderBy("linked.number"),
);
const tagsOfTicket = PreparedQuery.single((db, values: PageListValues) =>
  pageTags(db, values.ticketId).orderBy("ticket_tag.tag"),
);

export interface TicketPage {
  ticket: Omit<
    Awaited<ReturnType<ReturnType<typeof buildTicketPage>["executeTakeFirstOrThrow"]>>,
    "events" | "attachments" | "clocks" | "links" | "tags"
  >;
  events: EventWithActor[];
  attachments: TicketAttachmentRow[];
  clocks: SlaClockTable[];
  links: LinkedTicketRow[];
  tags: string[];
}

/**
 * A ticket's page if it is in the scope, with what `visibility` may see of it: on PostgreSQL one
 * round trip, its lists as JSON columns; on SQLite the ticket, then each list.
 */
export async function findTicketPage(
  db: Executor,
  scope: Scope,
  number: number,
  visibility: Visibility,
): Promise<TicketPage | undefined> {
  const companyId = scopedCompanyId(scope);
  const lists = dialectOf(db) === "postgres";
  const row = await ticketPage.executeTakeFirst(
    db,
    { scoped: companyId !== undefined, visibility, lists },
    { number, companyId: companyId ?? "" },
  );
  if (!row) return undefined;
  const { events, attachments, clocks, links, tags, ...ticket } = row;
  if (lists) {
    return {
      ticket,
      events: parseJsonRows(events),
      attachments: parseJsonRows(attachments),
      clocks: parseJsonRows(clocks),
      links: parseJsonRows(links),
      tags: parseJsonRows(tags).map((tag) => tag.tag),
    };
  }
  const values = { ticketId: ticket.id, companyId: ticket.company_id };
  const [eventRows, attachmentRows, clockRows, linkRows, tagRows] = await Promise.all([
    eventsOfTicket.execute(db, visibility, values),
    attachmentsOfTicket.execute(db, visibility, values),
    clocksOfPage.execute(db, null, values),
    linksOfTicket.execute(db, null, values),
    visibility === "all" ? tagsOfTicket.execute(db, null, values) : Promise.resolve([]),
  ]);
  return {
    ticket,
    events: eventRows,
    attachments: attachmentRows,
    clocks: clockRows,
    links: linkRows,
    tags: tagRows.map((tag) => tag.tag),
  };
}

/** What the command that opens a ticket wrote and read, from which its page follows. */
export interface TicketOpeningWrite {
  row: TicketRow;
  /** The `opened` event, the only one of the new ticket's history. */
  opened: TicketEventRow;
  /** What it names, read before it was written (`findOpeningNames`). */
  names: {
    category_name: string;
    screen_name: string;
    company_name: string;
    requester_name: string;
    requester_role: Role;
    actor_name: string;
    actor_role: Role;
  };
  relatedNumber: number | null;
  /** Whether files were attached: only then are they read. */
  withAttachments: boolean;
}

/**
 * A ticket's page (without its clocks, which the caller has) as the command that opened it wrote it,
 * inside that command's transaction: what `findTicketPage` would read after the commit, but from the
 * row and the event at hand. A new ticket has no links, tags, assignee or merge, and its one event
 * is public, so every reader sees the same page. The names come from one statement, and the files,
 * when there are any, from the page's own query.
 */
export async function openedTicketPage(
  db: Executor,
  write: TicketOpeningWrite,
): Promise<Omit<TicketPage, "clocks">> {
  const { row, opened, names } = write;
  const values = { ticketId: row.id, companyId: row.company_id };
  return {
    // PAGE_TICKET_COLUMNS, written out: an object built from a list of names, or by leaving some out
    // of another (`...rest`), is a slow dictionary. The page's row type checks that none is missing.
    ticket: {
      id: row.id,
      number: row.number,
      company_id: row.company_id,
      requester_id: row.requester_id,
      category_id: row.category_id,
      screen_code: row.screen_code,
      subject: row.subject,
      description: row.description,
      description_html: row.description_html,
      example_record: row.example_record,
      priority: row.priority,
      status: row.status,
      channel: row.channel,
      kind: row.kind,
      assignee_id: row.assignee_id,
      related_ticket_id: row.related_ticket_id,
      version: row.version,
      sla_policy_id: row.sla_policy_id,
      created_at: row.created_at,
      updated_at: row.updated_at,
      resolved_at: row.resolved_at,
      merged_into_id: row.merged_into_id,
      company_name: names.company_name,
      requester_name: names.requester_name,
      requester_role: names.requester_role,
      category_name: names.category_name,
      screen_name: names.screen_name,
      related_number: write.relatedNumber,
      merged_into_number: null,
      assignee_name: null,
    },
    // The event as the page reads it: every column but its ticket and Markdown source, with names.
    events: [
      {
        id: opened.id,
        type: opened.type,
        actor_id: opened.actor_id,
        internal: opened.internal,
        body_html: opened.body_html,
        from_status: opened.from_status,
        to_status: opened.to_status,
        from_priority: opened.from_priority,
        to_priority: opened.to_priority,
        metric: opened.metric,
        to_kind: opened.to_kind,
        field: opened.field,
        from_value: opened.from_value,
        to_value: opened.to_value,
        related_ticket_id: opened.related_ticket_id,
        ticket_version: opened.ticket_version,
        duration_minutes: opened.duration_minutes,
        created_at: opened.created_at,
        actor_name: names.actor_name,
        actor_role: names.actor_role,
        related_number: null,
      },
    ],
    attachments: write.withAttachments ? await attachmentsOfTicket.execute(db, "public", values) : [],
    links: [],
    tags: [],
  };
}

/**
 * Everything a new ticket names, in one statement before it is written: its active category and,
 * when they are active too, its screen (`screen_name` null otherwise), its company, requester and
 * author. No row when the category is unknown or archived.
 */
const openingNames = PreparedQuery.single((db, values: OpeningKeys) =>
  db
    .selectFrom("category")
    .leftJoin("screen", (join) => join.on("screen.code", "=", values.screenCode).on("screen.active", "=", 1))
    .leftJoin("company", (join) => join.on("company.id", "=", values.companyId))
    .leftJoin("app_user as requester", (join) => join.on("requester.id", "=", values.requesterId))
    .leftJoin("app_user as actor", (join) => join.on("actor.id", "=", values.actorId))
    .select([
      "category.name as category_name",
      "screen.name as screen_name",
      "company.name as company_name",
      "requester.name as requester_name",
      "requester.role as requester_role",
      "actor.name as actor_name",
      "actor.role as actor_role",
    ])
    .where("category.id", "=", values.categoryId)
    .where("category.active", "=", 1),
);

/** What a new ticket names, by id: its category, screen, company, requester and author. */
export type OpeningKeys = {
  categoryId: string;
  screenCode: string;
  companyId: string;
  requesterId: string;
  actorId: string;
};

/**
 * The names for `TicketOpeningWrite`, `screen_name` null when the screen is unknown or inactive;
 * undefined when the category is. The company, requester and author were checked before: one missing
 * is an internal error.
 */
export async function findOpeningNames(
  db: Executor,
  keys: OpeningKeys,
): Promise<(Omit<TicketOpeningWrite["names"], "screen_name"> & { screen_name: string | null }) | undefined> {
  const named = await openingNames.executeTakeFirst(db, null, keys);
  if (!named) return undefined;
  const { company_name, requester_name, requester_role, actor_name, actor_role } = named;
  if (
    company_name === null ||
    requester_name === null ||
    requester_role === null ||
    actor_name === null ||
    actor_role === null
  ) {
    throw new Error("opening a ticket: its company, requester or author is missing");
  }
  return {
    category_name: named.category_name,
    screen_name: named.screen_name,
    company_name,
    requester_name,
    requester_role,
    actor_name,
    actor_role,
  };
}

const ticketInsert = new PreparedInsert("ticket");
const eventInsert = new PreparedInsert("ticket_event");

/**
 * A new ticket, its clocks and its opening event: one statement on PostgreSQL (`insertTogether`), the
 * three inserts in order on SQLite.
 */
export async function insertOpenedTicket(
  db: Executor,
  row: TicketRow,
  clocks: readonly SlaClockTable[],
  opened: TicketEventRow,
): Promise<void> {
  await insertTogether(db, [
    ticketInsert.statement(db, [row]),
    clocksInsertStatement(db, clocks),
    eventInsert.statement(db, [opened]),
  ]);
}

/** Events in one statement (rows with the same columns); nothing when there are none. */
export async function insertEvents(db: Executor, rows: readonly TicketEventRow[]): Promise<void> {
  await eventInsert.execute(db, rows);
}

export interface TicketChanges {
  status?: TicketStatus;
  priority?: Priority;
  priority_order?: number;
  kind?: TicketKind;
  category_id?: string;
  screen_code?: string;
  assignee_id?: string | null;
  resolved_at?: number | null;
  /** The ticket a merged duplicate continues in. */
  merged_into_id?: string;
  /** Moves the ticket up the lists; internal notes leave it alone. */
  updated_at?: number;
  /** Public text to make searchable. */
  appendTerms?: string;
}

/** What a command writes to a ticket row; the queue keys come from its clocks. */
export type TicketUpdate = TicketChanges & { queue_due_at?: number; queue_warn_at?: number | null };

function ticketColumns({ appendTerms, ...columns }: TicketUpdate) {
  return {
    ...columns,
    ...(appendTerms ? { search_terms: sql<string>`${sql.ref("search_terms")} || ${` ${appendTerms}`}` } : {}),
  };
}

/**
 * Applies changes if the ticket is still at `version`, and bumps it. Returns false when someone
 * else changed it first (the caller answers 409).
 */
export async function updateTicketAt(
  db: Executor,
  id: string,
  version: number,
  changes: TicketUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable("ticket")
    .set((eb) => ({ ...ticketColumns(changes), version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Changes that make no new version: the queue keys a system command's clocks derive, or a ticket
 * opened by the same command.
 */
export async function updateTicketKeys(db: Executor, id: string, changes: TicketUpdate): Promise<void> {
  await db.updateTable("ticket").set(ticketColumns(changes)).where("id", "=", id).execute();
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
