// The delivery worker's claim walks queued rows by state, then due instant: an index that both
// databases' planners pick without statistics (SQLite chose the "Caixa de saída" index on state,
// then sorted every queued row on each claim, so draining n e-mails cost n²).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_message_due_idx").execute();
  await db.schema
    .createIndex("outbox_message_queue_idx")
    .on("outbox_message")
    .columns(["state", "next_attempt_at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_message_queue_idx").execute();
  await db.schema
    .createIndex("outbox_message_due_idx")
    .on("outbox_message")
    .columns(["next_attempt_at", "id"])
    .where(sql<boolean>`state in ('queued', 'sending')`)
    .execute();
}
