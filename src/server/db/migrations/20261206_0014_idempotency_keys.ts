// Idempotency keys: a retried request (a lost answer, a double click) replays what the first one
// did instead of doing it again. Written in the command's own transaction, so a key exists exactly
// when its command committed.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("idempotency_key")
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("key", "text", (c) => c.notNull())
    /** Which command the key was used for (tickets.create, tickets.message…). */
    .addColumn("operation", "text", (c) => c.notNull())
    /** SHA-256 of the request: the same key with another request is refused, not replayed. */
    .addColumn("fingerprint", "text", (c) => c.notNull())
    /** JSON of what the command answered (a ticket number). */
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_key_pk", ["user_id", "key"])
    .addCheckConstraint("idempotency_key_length", sql`length(${sql.ref("key")}) between 1 and 255`)
    .execute();
  await db.schema
    .createIndex("idempotency_key_created_idx")
    .on("idempotency_key")
    .column("created_at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("idempotency_key").execute();
}
