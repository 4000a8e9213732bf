// The console's "não atribuídas" and "minhas" counts under a category, screen, priority, kind or
// channel filter. They walked the filter-counts index, led by the status, whose assignee comes
// seventh: every open ticket in the filter was read to count the caller's or nobody's, so both counts
// grew with the open backlog (at 100 000 generated tickets, one category and high priority: 90–110 µs
// each for 395 and 259 tickets, reading ~1 400 entries; at a million, ten times that). Led by the
// assignee and holding the filters' columns, this index makes each count a range of exactly the
// tickets it counts (30–37 µs there), stopped at the cap like the others. Open tickets only, as
// both views are: a finished ticket costs it nothing. The status comes last, only so that the count
// is answered from the index entries alone: SQLite reads the table to test `status in (…)` when the
// column is not in the index, even though the index holds no other status.
import { type Kysely, type SqlBool, sql } from "kysely";

const OPEN = sql<SqlBool>`status in ('open', 'in_progress', 'waiting_customer')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("ticket_open_assignee_filter_idx")
    .on("ticket")
    .columns(["assignee_id", "category_id", "priority_order", "screen_code", "kind", "channel", "status"])
    .where(OPEN)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("ticket_open_assignee_filter_idx").execute();
}
