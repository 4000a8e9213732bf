// The catalog pages: plans and calendars can be archived (hidden from new choices, kept where used),
// and "Telas com mais ocorrências" counts tickets opened in a period per screen.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  /** Null: in use for new assignments; else when it was archived. */
  await db.schema.alterTable("plan").addColumn("archived_at", "bigint").execute();
  await db.schema.alterTable("business_calendar").addColumn("archived_at", "bigint").execute();
  // Tickets opened in a period, grouped by screen, read from the index alone.
  await db.schema
    .createIndex("ticket_created_screen_idx")
    .on("ticket")
    .columns(["created_at", "screen_code"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("ticket_created_screen_idx").execute();
  await db.schema.alterTable("business_calendar").dropColumn("archived_at").execute();
  await db.schema.alterTable("plan").dropColumn("archived_at").execute();
}
