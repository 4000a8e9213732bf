// The sweeper claims the earliest due clock not yet warned (or breached) one at a time. PostgreSQL
// does not take the `… is null` columns leading sla_clock_unwarned_idx and sla_clock_unbreached_idx
// as equalities, so for a claim's `order by … limit 1` it walked the running clocks in due order
// instead, passing over every one already breached (15 ms at 30 000 tickets, on every claim). On
// PostgreSQL each becomes a partial index over the clocks the sweeper may still fire, in the order it
// claims them; SQLite already walks the old ones in order and keeps them.
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect";

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await db.schema.dropIndex("sla_clock_unwarned_idx").execute();
  await db.schema.dropIndex("sla_clock_unbreached_idx").execute();
  await sql`create index sla_clock_unwarned_idx on sla_clock (warn_at)
    where warned_at is null and met_at is null and stopped_at is null`.execute(db);
  await sql`create index sla_clock_unbreached_idx on sla_clock (due_at)
    where breached_at is null and met_at is null and stopped_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await db.schema.dropIndex("sla_clock_unwarned_idx").execute();
  await db.schema.dropIndex("sla_clock_unbreached_idx").execute();
  await db.schema
    .createIndex("sla_clock_unwarned_idx")
    .on("sla_clock")
    .columns(["warned_at", "met_at", "stopped_at", "warn_at"])
    .execute();
  await db.schema
    .createIndex("sla_clock_unbreached_idx")
    .on("sla_clock")
    .columns(["breached_at", "met_at", "stopped_at", "due_at"])
    .execute();
}
