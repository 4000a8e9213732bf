// The console's queue in the database: one compiled query per shape (view, sort, which filters),
// walking the partial indexes over open tickets in the order asked for, so a first page and a deep
// cursor both start inside an index and stop after `limit` rows. Counts are index ranges too, each stopping at a cap.
import {
  type Compilable,
  type Expression,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { QueueSort, QueueView } from "../../../contracts/queue";
import { cursorKey } from "../../db/cursor";
import { dialectOf } from "../../db/dialect";
import { PreparedQuery } from "../../db/prepared";
import { rowLimit } from "../../db/row-limit";
import type { Executor } from "../../db/schema";
import { ticketMatchesText } from "../../db/search";

/**
 * The open statuses, written exactly as the partial indexes' condition: SQLite and PostgreSQL use
 * a partial index only when the query's condition implies the index's, term by term.
 */
const OPEN = sql<SqlBool>`ticket.status in ('open', 'in_progress', 'waiting_customer')`;

/** Separates the tags a ticket's row carries in one column (tags never contain control characters). */
export const TAG_SEPARATOR = "\u001f";

/** Which optional filters a query has: each combination is compiled once. */
export interface QueueFilterShape {
  company: boolean;
  category: boolean;
  screen: boolean;
  priority: boolean;
  kind: boolean;
  channel: boolean;
  assignee: boolean;
  tag: boolean;
  /**
   * The tag is on few open tickets (`RARE_TAG_TICKETS`): the open views start from its list and sort
   * those tickets, rather than walking the queue and testing each ticket they pass for the tag. Never
   * with a text search or a number (the service's choice, see `tagRarity`).
   */
  tagListOpen: boolean;
  /** The same for "finalizadas": the tag is on few finished tickets. */
  tagListResolved: boolean;
  /** Matches the ticket number exactly (alone, or or-ed with the text). */
  number: boolean;
  /** Matches the full-text terms. */
  search: boolean;
  /** Leaves one number out (it was listed first as the exact match). */
  exclude: boolean;
}

export interface QueueFilterValues {
  [name: string]: string | number;
  me: string;
  now: number;
  companyId: string;
  categoryId: string;
  screenCode: string;
  priorityOrder: number;
  kind: string;
  channel: string;
  assigneeId: string;
  tag: string;
  number: number;
  match: string;
  excludeNumber: number;
}

/** A view's own condition. Every open view names OPEN, so the partial indexes apply. */
function viewCondition(view: QueueView, values: QueueFilterValues): Expression<SqlBool>[] {
  switch (view) {
    case "unassigned":
      return [OPEN, sql<SqlBool>`ticket.assignee_id is null`];
    case "mine":
      return [OPEN, sql<SqlBool>`ticket.assignee_id = ${values.me}`];
    case "open":
      return [OPEN];
    case "waiting":
      return [OPEN, sql<SqlBool>`ticket.status = 'waiting_customer'`];
    case "at_risk":
      return [OPEN, sql<SqlBool>`ticket.queue_warn_at <= ${values.now}`];
    case "resolved":
      return [sql<SqlBool>`ticket.status = 'resolved'`];
  }
}

/**
 * Whether a view's query starts from the tag's list (`tagListOpen`, `tagListResolved`): its open
 * entries for an open view, all of them for "finalizadas".
 */
function fromTagList(shape: QueueFilterShape, view: QueueView): "open" | "all" | false {
  if (view === "resolved") return shape.tagListResolved && "all";
  return shape.tagListOpen && "open";
}

function filterConditions(
  db: Executor,
  shape: QueueFilterShape,
  values: QueueFilterValues,
  fromList: "open" | "all" | false,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (shape.company) conditions.push(sql<SqlBool>`ticket.company_id = ${values.companyId}`);
  if (shape.category) conditions.push(sql<SqlBool>`ticket.category_id = ${values.categoryId}`);
  if (shape.screen) conditions.push(sql<SqlBool>`ticket.screen_code = ${values.screenCode}`);
  // By rank, not name: (priority_order, queue_due_at, number) is an index over open tickets.
  if (shape.priority) conditions.push(sql<SqlBool>`ticket.priority_order = ${values.priorityOrder}`);
  if (shape.kind) conditions.push(sql<SqlBool>`ticket.kind = ${values.kind}`);
  if (shape.channel) conditions.push(sql<SqlBool>`ticket.channel = ${values.channel}`);
  if (shape.assignee) conditions.push(sql<SqlBool>`ticket.assignee_id = ${values.assigneeId}`);
  if (shape.tag && fromList) {
    // An open view reads only the tag's open entries (`ticket_tag.open`, migration 0038).
    const entries = (table: string) => {
      const tag = sql<SqlBool>`${sql.ref(`${table}.tag`)} = ${values.tag}`;
      return fromList === "open" ? sql<SqlBool>`${tag} and ${sql.ref(`${table}.open`)} = 1` : tag;
    };
    conditions.push(
      // On SQLite the tag's entries are the outer loop (`TAG_LIST`, joined as "tagged"): its planner,
      // left to choose, walked the open statuses and tested each ticket against the list.
      dialectOf(db) === "sqlite"
        ? sql<SqlBool>`${entries("tagged")} and tagged.ticket_id = ticket.id`
        : sql<SqlBool>`ticket.id in (select ticket_tag.ticket_id from ticket_tag where ${entries("ticket_tag")})`,
    );
  } else if (shape.tag)
    conditions.push(
      sql<SqlBool>`exists (select 1 from ticket_tag where ticket_tag.ticket_id = ticket.id and ticket_tag.tag = ${values.tag})`,
    );
  const byNumber = sql<SqlBool>`ticket.number = ${values.number}`;
  if (shape.number && shape.search)
    conditions.push(sql<SqlBool>`(${byNumber} or ${ticketMatchesText(dialectOf(db), values.match)})`);
  else if (shape.number) conditions.push(byNumber);
  else if (shape.search) conditions.push(ticketMatchesText(dialectOf(db), values.match));
  if (shape.exclude) conditions.push(sql<SqlBool>`ticket.number <> ${values.excludeNumber}`);
  return conditions;
}

const allOf = (conditions: Expression<SqlBool>[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.join(conditions, sql` and `)}`;

/** The row-value comparison that starts a page after the cursor, in the sort's direction. */
function afterCursor(db: Executor, sort: QueueSort, values: QueuePageValues): Expression<SqlBool> {
  switch (sort) {
    case "due":
      return sql<SqlBool>`(ticket.queue_due_at, ticket.number) > ${cursorKey(db, [
        [values.after1, "bigint"],
        [values.after2, "integer"],
      ])}`;
    case "priority":
      return sql<SqlBool>`(ticket.priority_order, ticket.queue_due_at, ticket.number) > ${cursorKey(db, [
        [values.after1, "integer"],
        [values.after2, "bigint"],
        [values.after3, "integer"],
      ])}`;
    case "updated":
      return sql<SqlBool>`(ticket.updated_at, ticket.number) < ${cursorKey(db, [
        [values.after1, "bigint"],
        [values.after2, "integer"],
      ])}`;
  }
}

export interface QueuePageShape extends QueueFilterShape {
  view: QueueView;
  sort: QueueSort;
  after: boolean;
  /** Rows to read: in the SQL itself, so that PostgreSQL's generic plan knows it (see prepared.ts). */
  limit: number;
}

export interface QueuePageValues extends QueueFilterValues {
  after1: number;
  after2: number;
  after3: number;
}

/** A ticket's tags in one column: evaluated only for the rows the page returns. */
function tagsOf(db: Executor): RawBuilder<string | null> {
  return dialectOf(db) === "postgres"
    ? sql<
        string | null
      >`(select string_agg(ticket_tag.tag, chr(31)) from ticket_tag where ticket_tag.ticket_id = ticket.id)`
    : sql<
        string | null
      >`(select group_concat(ticket_tag.tag, char(31)) from ticket_tag where ticket_tag.ticket_id = ticket.id)`;
}

function queueRows(db: Executor) {
  return db
    .selectFrom("ticket")
    .innerJoin("company", "company.id", "ticket.company_id")
    .innerJoin("app_user as requester", "requester.id", "ticket.requester_id")
    .innerJoin("category", "category.id", "ticket.category_id")
    .innerJoin("screen", "screen.code", "ticket.screen_code")
    .leftJoin("app_user as assignee", "assignee.id", "ticket.assignee_id")
    .select([
      "ticket.number",
      "ticket.subject",
      "ticket.status",
      "ticket.priority",
      "ticket.kind",
      "ticket.channel",
      "ticket.company_id",
      "company.name as company_name",
      "ticket.requester_id",
      "requester.name as requester_name",
      "ticket.assignee_id",
      "assignee.name as assignee_name",
      "ticket.category_id",
      "category.name as category_name",
      "ticket.screen_code",
      "screen.name as screen_name",
      "ticket.queue_due_at",
      "ticket.queue_warn_at",
      "ticket.priority_order",
      "ticket.created_at",
      "ticket.updated_at",
      "ticket.version",
    ])
    .select(tagsOf(db).as("tags"));
}
export type QueueRow = Awaited<ReturnType<ReturnType<typeof queueRows>["executeTakeFirstOrThrow"]>>;

const shapeKey = (shape: object): string =>
  Object.entries(shape)
    .map(([name, value]) => (typeof value === "boolean" ? (value ? name : "") : `${name}=${value}`))
    .filter(Boolean)
    .join(",");

/**
 * The index a page walks on SQLite, chosen by its shape. SQLite's planner, even with statistics,
 * prefers looking up the three open statuses in the status index and sorting tens of thousands of
 * rows over walking a partial index already in the page's order and stopping after `limit` rows;
 * naming the index keeps every page an index range. A search is left to the planner (the full-text
 * match is what narrows it), and so is a lookup by number.
 */
export function queueIndexFor(shape: QueuePageShape): string | undefined {
  // A rare tag's few tickets are the starting point, found by its list and sorted.
  if (fromTagList(shape, shape.view)) return tagListFor(shape.view);
  if (shape.search || shape.number) return undefined;
  if (shape.view === "resolved") {
    if (shape.company) return "ticket_company_status_updated_idx";
    // The screen's tickets, most of them finished, rather than every finished ticket (migration 0035).
    return shape.screen ? "ticket_screen_updated_idx" : "ticket_status_updated_idx";
  }
  // A company's open tickets are a few hundred at most: its range, sorted, is cheap in any order.
  if (shape.company) return "ticket_open_company_due_idx";
  const byAssignee = shape.view === "mine" || shape.view === "unassigned" || shape.assignee;
  switch (shape.sort) {
    case "due":
      if (byAssignee) return "ticket_open_assignee_due_idx";
      // A filter's own range, not the whole queue's tested row by row (migration 0034): a screen is
      // the narrower of the two.
      if (shape.screen) return "ticket_open_screen_due_idx";
      if (shape.category) return "ticket_open_category_due_idx";
      return shape.priority ? "ticket_open_priority_due_idx" : "ticket_open_due_idx";
    case "priority":
      return "ticket_open_priority_due_idx";
    case "updated":
      return shape.view === "waiting" ? "ticket_status_updated_idx" : "ticket_open_updated_idx";
  }
}

/** One page's query; exported for the query-plan tests. */
export function buildQueuePage(
  db: Executor,
  shape: QueuePageShape,
  values: QueuePageValues,
): Compilable<QueueRow> {
  const conditions = [
    ...viewCondition(shape.view, values),
    ...filterConditions(db, shape, values, fromTagList(shape, shape.view)),
  ];
  if (shape.after) conditions.push(afterCursor(db, shape.sort, values));
  const query = queueRows(db).where(allOf(conditions));
  const ordered =
    shape.sort === "due"
      ? query.orderBy("ticket.queue_due_at").orderBy("ticket.number")
      : shape.sort === "priority"
        ? query.orderBy("ticket.priority_order").orderBy("ticket.queue_due_at").orderBy("ticket.number")
        : query.orderBy("ticket.updated_at", "desc").orderBy("ticket.number", "desc");
  const page = ordered.limit(rowLimit(shape.limit));
  return dialectOf(db) === "sqlite" ? indexedBy(page, [queueIndexFor(shape)]) : page;
}

/** In place of an index: start from a rare tag's entries, the ticket joined to each (see `tagListOpen`). */
export const TAG_LIST = "(the tag's list)";
/** The same for an open view: the tag's open entries only (`ticket_tag.open`, migration 0038). */
export const TAG_LIST_OPEN = "(the tag's list, open tickets)";

const tagListFor = (view: QueueView): string => (view === "resolved" ? TAG_LIST : TAG_LIST_OPEN);

/**
 * SQLite's `INDEXED BY`, which Kysely's builder has no clause for: the n-th `from "ticket"` of the
 * compiled query walks `indexes[n]` (none where undefined), or, for `TAG_LIST` and `TAG_LIST_OPEN`, is
 * reached from the tag's entries by a CROSS JOIN, which SQLite keeps as the outer loop.
 */
function indexedBy<Row>(query: Compilable<Row>, indexes: readonly (string | undefined)[]): Compilable<Row> {
  return {
    compile: () => {
      const compiled = query.compile();
      let nth = 0;
      const sql = compiled.sql.replace(/from "ticket" /g, (from) => {
        const index = indexes[nth++];
        if (index === TAG_LIST) return `from "ticket_tag" as "tagged" cross join "ticket" `;
        if (index === TAG_LIST_OPEN)
          return `from "ticket_tag" as "tagged" indexed by "ticket_tag_open_idx" cross join "ticket" `;
        return index === undefined ? from : `${from}indexed by "${index}" `;
      });
      if (nth !== indexes.length) throw new Error("queue query: the tables to pin indexes on moved");
      return { ...compiled, sql };
    },
  };
}

const queuePage = new PreparedQuery(buildQueuePage, shapeKey);

/** Up to `values.limit` rows of one view, in the sort's order, after the cursor if any. */
export function listQueue(db: Executor, shape: QueuePageShape, values: QueuePageValues): Promise<QueueRow[]> {
  return queuePage.execute(db, shape, values);
}

/** The sort key a cursor carries for a row. */
export function sortKeyOf(sort: QueueSort, row: QueueRow): number[] {
  switch (sort) {
    case "due":
      return [row.queue_due_at, row.number];
    case "priority":
      return [row.priority_order, row.queue_due_at, row.number];
    case "updated":
      return [row.updated_at, row.number];
  }
}

const VIEWS = ["unassigned", "mine", "open", "waiting", "at_risk", "resolved"] as const satisfies QueueView[];

/**
 * The index a view's count walks on SQLite where the planner would read rows it need not: under a
 * category, screen, priority, kind, channel or tag filter, "não atribuídas" and "minhas" count a range
 * of the assignee-filter index (led by the assignee, then those columns) and every other view a status
 * range of the filter-counts index (every column those counts test, led by the status); otherwise the
 * assignee index answers "não atribuídas" and "minhas" by itself, the warning index "vence em breve /
 * violado", and the other counts are ranges of the status index the planner finds alone.
 */
export function countIndexFor(view: QueueView, shape: QueueFilterShape): string | undefined {
  if (fromTagList(shape, view)) return tagListFor(view);
  if (shape.search || shape.number || shape.company) return undefined;
  const byAssignee = view === "unassigned" || view === "mine";
  // Filters no queue index starts with.
  if (shape.category || shape.screen || shape.priority || shape.kind || shape.channel || shape.tag)
    return byAssignee ? "ticket_open_assignee_filter_idx" : "ticket_filter_counts_idx";
  if (byAssignee) return "ticket_open_assignee_due_idx";
  if (view === "at_risk") return "ticket_open_warn_idx";
  return undefined;
}

export interface QueueCountShape extends QueueFilterShape {
  /** Where each view's count stops (see QUEUE_COUNT_CAP): in the SQL, as a page's limit is. */
  cap: number;
}

/**
 * Every view's count in one statement: a scalar subquery per view, each reading at most `cap + 1`
 * entries of an index range and stopping there. A view's count therefore costs the same whatever
 * the help desk's size: "finalizadas" at a million tickets reads 1 001 index entries, not a million.
 */
export function buildQueueCounts(
  db: Executor,
  shape: QueueCountShape,
  values: QueueFilterValues,
): Compilable<Record<QueueView, unknown>> {
  if (shape.search) return searchedCounts(db, shape, values);
  const counts = db.selectNoFrom(
    VIEWS.map((view) =>
      db
        .selectFrom(
          db
            .selectFrom("ticket")
            .select(sql.lit(1).as("one"))
            .where(
              allOf([
                ...viewCondition(view, values),
                ...filterConditions(db, shape, values, fromTagList(shape, view)),
              ]),
            )
            .limit(rowLimit(shape.cap + 1))
            .as("capped"),
        )
        .select((eb) => eb.fn.countAll().as("count"))
        .$asScalar()
        .as(view),
    ),
  );
  return dialectOf(db) === "sqlite"
    ? indexedBy(
        counts,
        VIEWS.map((view) => countIndexFor(view, shape)),
      )
    : counts;
}

/**
 * The counts under a text search: the full-text index finds the matching tickets once (with the
 * other filters), into a materialized table of the three columns the views test, and each view
 * counts its rows there up to the cap. Six index ranges would each match the words again — six
 * bitmaps of every ticket with a common word — and PostgreSQL reads the matches lazily, so views
 * that reach the cap early leave the rest unread.
 */
function searchedCounts(db: Executor, shape: QueueCountShape, values: QueueFilterValues) {
  return db
    .with(
      (cte) => cte("matched").materialized(),
      (qb) =>
        qb
          .selectFrom("ticket")
          .select(["ticket.status", "ticket.assignee_id", "ticket.queue_warn_at"])
          // Never from a tag's list: the words are what narrows a search.
          .where(allOf(filterConditions(db, shape, values, false))),
    )
    .selectNoFrom(
      VIEWS.map((view) =>
        // Named as the table, so each view's condition reads the same as everywhere else.
        sql<number>`(select count(*) from (select 1 from matched as ticket where ${allOf(
          viewCondition(view, values),
        )} limit ${rowLimit(shape.cap + 1)}) as capped)`.as(view),
      ),
    );
}

const queueCounts = new PreparedQuery(buildQueueCounts, shapeKey);

/**
 * A tag on at most this many of a view's tickets is a list to start from. A walk of the queue tests
 * each ticket it passes for the tag, reading the ticket's row to do it: a tag on 5 open tickets among
 * 43 000 cost 140 ms a page at 100 000 generated tickets on SQLite. Starting from the list of a common
 * tag would sort thousands of tickets instead (82 ms for one on 4 600), where the walk finds a page at
 * once.
 */
export const RARE_TAG_TICKETS = 500;

/** Reads at most one entry past `RARE_TAG_TICKETS` of `query`. */
function capped<DB, TB extends keyof DB>(db: Executor, query: SelectQueryBuilder<DB, TB, { one: number }>) {
  return db
    .selectFrom(query.limit(rowLimit(RARE_TAG_TICKETS + 1)).as("capped"))
    .select((eb) => eb.fn.countAll().as("count"))
    .$asScalar();
}

const tagTickets = PreparedQuery.single((db, values: { tag: string }) =>
  db.selectNoFrom(
    capped(db, db.selectFrom("ticket_tag").select(sql.lit(1).as("one")).where("tag", "=", values.tag)).as(
      "count",
    ),
  ),
);

/**
 * The tag's tickets in and out of the open queue, each count capped: the open ones are a range of
 * the tag's open entries (migration 0038); the finished ones are its entries, each ticket by its id
 * (a CROSS JOIN, which SQLite keeps in that order). Exported for the plan tests.
 */
export function buildTagTicketsByState(db: Executor, values: { tag: string }) {
  return db.selectNoFrom([
    capped(
      db,
      db
        .selectFrom("ticket_tag")
        .select(sql.lit(1).as("one"))
        .where(sql<SqlBool>`ticket_tag.tag = ${values.tag} and ticket_tag.open = 1`),
    ).as("open"),
    capped(
      db,
      db
        .selectFrom("ticket_tag as tagged")
        .crossJoin("ticket")
        .select(sql.lit(1).as("one"))
        .where(
          sql<SqlBool>`tagged.tag = ${values.tag} and ticket.id = tagged.ticket_id and ticket.status = 'resolved'`,
        ),
    ).as("resolved"),
  ]);
}

const tagTicketsByState = PreparedQuery.single(buildTagTicketsByState);

/** Which views should start from a tag's list: those where it is on few tickets. */
export interface TagRarity {
  open: boolean;
  resolved: boolean;
}

/**
 * Whether the tag is on few open tickets, and on few finished ones. A tag on at most
 * `RARE_TAG_TICKETS` tickets in all is both, from its index alone; a commoner one is counted in
 * each part (`buildTagTicketsByState`): a tag on 600 tickets all finished but 3 is rare to the open
 * views, which would otherwise walk the whole queue for those 3. The finished count reads up to a
 * thousand tickets (a few milliseconds), which is why the service keeps its answer a while.
 */
export async function tagRarity(db: Executor, tag: string): Promise<TagRarity> {
  const total = await tagTickets.executeTakeFirst(db, null, { tag });
  if (Number(total?.count ?? 0) <= RARE_TAG_TICKETS) return { open: true, resolved: true };
  const row = await tagTicketsByState.executeTakeFirst(db, null, { tag });
  return {
    open: Number(row?.open ?? 0) <= RARE_TAG_TICKETS,
    resolved: Number(row?.resolved ?? 0) <= RARE_TAG_TICKETS,
  };
}

/** Each view's count, up to `shape.cap + 1` (a view holding more). */
export async function countQueues(
  db: Executor,
  shape: QueueCountShape,
  values: QueueFilterValues,
): Promise<Record<QueueView, number>> {
  const row = await queueCounts.executeTakeFirst(db, shape, values);
  return Object.fromEntries(VIEWS.map((view) => [view, Number(row?.[view] ?? 0)])) as Record<
    QueueView,
    number
  >;
}

/** Active support staff by name: whom the assignee filter offers. */
export function listActiveStaff(db: Executor): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom("app_user")
    .select(["id", "name"])
    .where("role", "in", ["agent", "supervisor", "admin"])
    .where("active", "=", 1)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export function listActiveCategories(db: Executor): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom("category")
    .select(["id", "name"])
    .where("active", "=", 1)
    .orderBy("position")
    .orderBy("name")
    .execute();
}

/** Tags in use, alphabetical: a walk of the (tag, ticket_id) index. */
export async function listTagsInUse(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("ticket_tag")
    .select("tag")
    .distinct()
    .orderBy("tag")
    .limit(limit)
    .execute();
  return rows.map((row) => row.tag);
}
