// The open queue's three walks on SQLite (by due date, by priority, by last update) carry every column
// a view or filter tests: the warning instant, the status, the assignee, category, screen, priority
// rank, kind and channel. SQLite tests what an index entry holds before it reads the row, so a walk
// that must pass over tickets no longer reads each one's row to do it. Without them, "vence em breve /
// violado" with 11 tickets at risk read all 43 000 open tickets' rows at 100 000 generated tickets,
// 107–113 ms a page; so did "consultoria" with no open consultancy ticket (111 ms). With them, 5 ms:
// still a walk over the open tickets, now at the index's pace (a filter with a range of its own,
// migration 0034, needs none). The walk's order and its stopping after a page are unchanged.
//
// PostgreSQL reads a row for every index entry it does not skip by the index's leading columns, and
// chooses by statistics among the other indexes (the warning index, a filter's): its indexes stay.
import { type Kysely, type SqlBool, sql } from "kysely";
import { dialectOf } from "../dialect";

const OPEN = sql<SqlBool>`status in ('open', 'in_progress', 'waiting_customer')`;

/** What the open views and the filters test, in the order of how often they narrow a walk. */
const TESTED = [
  "queue_warn_at",
  "status",
  "assignee_id",
  "category_id",
  "screen_code",
  "priority_order",
  "kind",
  "channel",
];

const WALKS: Record<string, string[]> = {
  ticket_open_due_idx: ["queue_due_at", "number"],
  ticket_open_priority_due_idx: ["priority_order", "queue_due_at", "number"],
  ticket_open_updated_idx: ["updated_at", "number"],
};

async function recreate(db: Kysely<unknown>, name: string, columns: string[]): Promise<void> {
  await db.schema.dropIndex(name).execute();
  await db.schema.createIndex(name).on("ticket").columns(columns).where(OPEN).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "sqlite") return;
  for (const [name, order] of Object.entries(WALKS)) {
    await recreate(db, name, [...order, ...TESTED.filter((column) => !order.includes(column))]);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "sqlite") return;
  for (const [name, order] of Object.entries(WALKS)) await recreate(db, name, order);
}
