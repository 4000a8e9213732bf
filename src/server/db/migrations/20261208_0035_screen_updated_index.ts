// "Finalizadas" under a screen filter. The view walked the finished tickets by last update and read
// each one's row to test the screen: a screen with few finished tickets among 43 000 (100 000
// generated tickets) took 210 ms a page on SQLite, and the finished tickets only grow. The screen's
// index by last update, with the number that breaks its ties, holds the page's order: its range is
// the screen's tickets, most of them finished. It replaces the same index without the number.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("ticket_screen_updated_idx")
    .on("ticket")
    .columns(["screen_code", "updated_at", "number"])
    .execute();
  await db.schema.dropIndex("ticket_screen_idx").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("ticket_screen_idx")
    .on("ticket")
    .columns(["screen_code", "updated_at"])
    .execute();
  await db.schema.dropIndex("ticket_screen_updated_idx").execute();
}
