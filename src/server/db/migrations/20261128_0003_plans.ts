// Support plans and business calendars; every company points at its plan.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("business_calendar")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    // JSON: { mon: [["08:00","12:00"], …], … }
    .addColumn("weekly_hours", "text", (c) => c.notNull())
    // JSON: { country, state?, city? } or null.
    .addColumn("holidays", "text")
    .addColumn("closed_dates", "text", (c) => c.notNull())
    .addColumn("open_dates", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("plan")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("calendar_id", "text", (c) => c.notNull().references("business_calendar.id"))
    // JSON: PlanServices.
    .addColumn("services", "text", (c) => c.notNull())
    // JSON: { low, normal, high, urgent: Target }.
    .addColumn("targets", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plan_calendar_idx").on("plan").column("calendar_id").execute();

  await db.schema
    .alterTable("company")
    .addColumn("plan_id", "text", (c) => c.references("plan.id"))
    .execute();
  await db.schema.createIndex("company_plan_idx").on("company").column("plan_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("company_plan_idx").execute();
  await db.schema.alterTable("company").dropColumn("plan_id").execute();
  await db.schema.dropTable("plan").execute();
  await db.schema.dropTable("business_calendar").execute();
}
