// Billing: the indexes the monthly statement and the team's time lists read by, and the rule that a
// ticket has at most one open (draft or sent) consultancy estimate, kept by the database itself.
import { type Kysely, type SqlBool, sql } from "kysely";

/** The open estimate statuses, literally: the partial index holds exactly these rows. */
const OPEN_ESTIMATE = sql<SqlBool>`status in ('draft', 'sent')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every company's time in a month (the statement) and everyone's time in a range (supervisors'
  // list), newest first: by day, then by id (UUIDv7, so creation order within the day).
  await db.schema
    .createIndex("time_entry_work_date_idx")
    .on("time_entry")
    .columns(["work_date", "id"])
    .execute();
  // Every company's approved hours in a month; 0007's index leads with the company.
  await db.schema
    .createIndex("consultancy_estimate_decided_idx")
    .on("consultancy_estimate")
    .columns(["decided_month", "status", "company_id"])
    .execute();
  await db.schema
    .createIndex("consultancy_estimate_open_idx")
    .on("consultancy_estimate")
    .column("ticket_id")
    .unique()
    .where(OPEN_ESTIMATE)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    "consultancy_estimate_open_idx",
    "consultancy_estimate_decided_idx",
    "time_entry_work_date_idx",
  ]) {
    await db.schema.dropIndex(index).execute();
  }
}
