// The console's open queue by due date under a screen or category filter. The page walked the due
// index (or the priority one) and read each ticket's row to test the filter, so its cost was the
// number of open tickets ahead of the 26th match: at 100 000 generated tickets, filtering by a screen
// with 15 open tickets read all 43 000 open rows, 100 ms a page on SQLite (a million tickets: ten
// times that). Led by the filter, these ranges hold only the matching open tickets, in the page's
// order: 0.1 ms for the same page. PostgreSQL, which chose a bitmap over the screen's every ticket
// and sorted it, took 4.7 ms there and 0.6 ms with them. "High priority in one category" walks the
// category's range and tests the rank on each row: a category holds about four ranks, the whole
// queue about eight categories, so half the rows the priority range read for the same page.
import { type Kysely, type SqlBool, sql } from "kysely";

const OPEN = sql<SqlBool>`status in ('open', 'in_progress', 'waiting_customer')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const openIndex = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on("ticket").columns(columns).where(OPEN).execute();
  await openIndex("ticket_open_screen_due_idx", ["screen_code", "queue_due_at", "number"]);
  await openIndex("ticket_open_category_due_idx", ["category_id", "queue_due_at", "number"]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("ticket_open_category_due_idx").execute();
  await db.schema.dropIndex("ticket_open_screen_due_idx").execute();
}
