// "Vence em breve / violado" walks the running deadlines soonest first. PostgreSQL does not take
// `met_at is null and stopped_at is null` as equalities, so it could not walk the index they lead in
// due order and sorted every running clock instead (100 ms at 200 000 clocks, on every request). On
// PostgreSQL that index becomes a partial one over the running clocks, in due order; SQLite already
// walks the old one in order and keeps it.
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect";

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await db.schema.dropIndex("sla_clock_running_due_idx").execute();
  await sql`create index sla_clock_running_due_idx on sla_clock (due_at, ticket_id)
    where met_at is null and stopped_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await db.schema.dropIndex("sla_clock_running_due_idx").execute();
  await db.schema
    .createIndex("sla_clock_running_due_idx")
    .on("sla_clock")
    .columns(["met_at", "stopped_at", "due_at", "ticket_id"])
    .execute();
}
