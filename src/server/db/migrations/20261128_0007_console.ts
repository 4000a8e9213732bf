// The support console: queue keys on the ticket (SLA due instant, priority rank), tags, links and
// merges, richer history (assignee, category, screen, tags, calls), canned responses, time entries,
// consultancy estimates and saved views.
import { type Kysely, type SqlBool, sql } from "kysely";

/** Sorts after every real instant: a ticket with no running deadline goes last in "by due". */
export const NO_DUE = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** The open statuses, literally: partial indexes are chosen only for this exact condition. */
const OPEN = sql<SqlBool>`status in ('open', 'in_progress', 'waiting_customer')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Queue keys, kept by the commands that change clocks or priority.
  await db.schema
    .alterTable("ticket")
    .addColumn("queue_due_at", "bigint", (c) => c.notNull().defaultTo(NO_DUE))
    .execute();
  await db.schema.alterTable("ticket").addColumn("queue_warn_at", "bigint").execute();
  await db.schema
    .alterTable("ticket")
    .addColumn("priority_order", "integer", (c) => c.notNull().defaultTo(2))
    .execute();
  await db.schema
    .alterTable("ticket")
    .addColumn("merged_into_id", "text", (c) => c.references("ticket.id"))
    .execute();
  // urgent 0 … low 3: "by priority" sorts ascending like every other queue key.
  await sql`update ticket set priority_order = case priority
      when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`.execute(db);
  const running = sql`from sla_clock c where c.ticket_id = ticket.id
      and c.met_at is null and c.stopped_at is null and c.due_at is not null`;
  await sql`update ticket set
      queue_due_at = coalesce((select min(c.due_at) ${running}), ${sql.lit(NO_DUE)}),
      queue_warn_at = (select min(c.warn_at) ${running})`.execute(db);

  // The console's queues over open tickets: by due instant (all, per company, per assignee), by
  // priority then due, by last update; the "vence em breve / violado" view by warning instant.
  const openIndex = async (name: string, columns: string[]) =>
    db.schema.createIndex(name).on("ticket").columns(columns).where(OPEN).execute();
  await openIndex("ticket_open_due_idx", ["queue_due_at", "number"]);
  await openIndex("ticket_open_company_due_idx", ["company_id", "queue_due_at", "number"]);
  await openIndex("ticket_open_assignee_due_idx", ["assignee_id", "queue_due_at", "number"]);
  await openIndex("ticket_open_priority_due_idx", ["priority_order", "queue_due_at", "number"]);
  await openIndex("ticket_open_updated_idx", ["updated_at", "number"]);
  await openIndex("ticket_open_warn_idx", ["queue_warn_at"]);

  // History: who changed which field from what to what; the ticket version each change produced
  // (a stale update's 409 lists the changes after the version the agent saw); calls and links.
  for (const column of ["field", "from_value", "to_value", "related_ticket_id"]) {
    await db.schema.alterTable("ticket_event").addColumn(column, "text").execute();
  }
  await db.schema.alterTable("ticket_event").addColumn("ticket_version", "integer").execute();
  await db.schema.alterTable("ticket_event").addColumn("duration_minutes", "integer").execute();

  await db.schema
    .createTable("ticket_tag")
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ticket_tag_pk", ["ticket_id", "tag"])
    .execute();
  await db.schema.createIndex("ticket_tag_tag_idx").on("ticket_tag").columns(["tag", "ticket_id"]).execute();

  // Related tickets, one row per direction so each side lists its links with one index read.
  await db.schema
    .createTable("ticket_link")
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    .addColumn("linked_ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    .addColumn("created_by", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("ticket_link_pk", ["ticket_id", "linked_ticket_id"])
    .execute();

  // Personal (owner set) or shared (owner null) replies with {placeholders}.
  await db.schema
    .createTable("canned_response")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner_id", "text", (c) => c.references("app_user.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("canned_response_owner_idx")
    .on("canned_response")
    .columns(["owner_id", "title"])
    .execute();

  await db.schema
    .createTable("time_entry")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("billable", "integer", (c) => c.notNull())
    // The day the work was done (YYYY-MM-DD in the vendor's time zone): monthly statements group by it.
    .addColumn("work_date", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("time_entry_ticket_idx")
    .on("time_entry")
    .columns(["ticket_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("time_entry_user_idx")
    .on("time_entry")
    .columns(["user_id", "work_date"])
    .execute();

  // draft → sent → approved | declined; a draft or sent one may be withdrawn by staff.
  await db.schema
    .createTable("consultancy_estimate")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    .addColumn("company_id", "text", (c) => c.notNull().references("company.id"))
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .addColumn("decided_at", "bigint")
    .addColumn("decided_by", "text", (c) => c.references("app_user.id"))
    // The month (YYYY-MM, vendor's time zone) an approval counts in.
    .addColumn("decided_month", "text")
    .execute();
  await db.schema
    .createIndex("consultancy_estimate_ticket_idx")
    .on("consultancy_estimate")
    .columns(["ticket_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("consultancy_estimate_month_idx")
    .on("consultancy_estimate")
    .columns(["company_id", "decided_month", "status"])
    .execute();

  await db.schema
    .createTable("saved_view")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("name", "text", (c) => c.notNull())
    // JSON: the queue filters, as the queue's query contract names them.
    .addColumn("filters", "text", (c) => c.notNull())
    .addColumn("shared", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("saved_view_owner_idx")
    .on("saved_view")
    .columns(["owner_id", "name"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "saved_view",
    "consultancy_estimate",
    "time_entry",
    "canned_response",
    "ticket_link",
    "ticket_tag",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    "duration_minutes",
    "ticket_version",
    "related_ticket_id",
    "to_value",
    "from_value",
    "field",
  ]) {
    await db.schema.alterTable("ticket_event").dropColumn(column).execute();
  }
  for (const index of [
    "ticket_open_warn_idx",
    "ticket_open_updated_idx",
    "ticket_open_priority_due_idx",
    "ticket_open_assignee_due_idx",
    "ticket_open_company_due_idx",
    "ticket_open_due_idx",
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ["merged_into_id", "priority_order", "queue_warn_at", "queue_due_at"]) {
    await db.schema.alterTable("ticket").dropColumn(column).execute();
  }
}
