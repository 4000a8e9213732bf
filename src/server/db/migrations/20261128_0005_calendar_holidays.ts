// Each calendar keeps its admin's holiday decisions; the region's holidays are still generated live.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON: [{ date: "YYYY-MM-DD", name }], holidays the admin added (municipal ones).
  await db.schema
    .alterTable("business_calendar")
    .addColumn("custom_holidays", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  // JSON: ["YYYY-MM-DD"], generated holidays the admin removed (not observed by the company).
  await db.schema
    .alterTable("business_calendar")
    .addColumn("removed_holidays", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("business_calendar").dropColumn("removed_holidays").execute();
  await db.schema.alterTable("business_calendar").dropColumn("custom_holidays").execute();
}
