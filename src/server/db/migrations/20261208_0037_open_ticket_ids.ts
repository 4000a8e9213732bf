// The open tickets' ids on SQLite, for a queue view that starts from a tag's list (a tag on few open
// tickets): each of the tag's entries is looked up here, and only the open ones reach their row. An
// old project's tag on 691 tickets, 5 of them open, read all 691 rows by the primary key, 462 µs a page
// at 100 000 generated tickets; with this index, 159 µs. It costs a ticket's insert nothing measurable
// (575 µs with or without, in a loop over two copies of that database, interleaved).
//
// PostgreSQL reaches the tag's tickets by a semi-join it plans on statistics: its indexes stay.
import { type Kysely, type SqlBool, sql } from "kysely";
import { dialectOf } from "../dialect";

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "sqlite") return;
  await db.schema
    .createIndex("ticket_open_id_idx")
    .on("ticket")
    .column("id")
    .where(sql<SqlBool>`status in ('open', 'in_progress', 'waiting_customer')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "sqlite") return;
  await db.schema.dropIndex("ticket_open_id_idx").execute();
}
