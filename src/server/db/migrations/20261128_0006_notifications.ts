// In-app notifications for the support team: one row per recipient and happening (an SLA warning or
// breach today; assignments and mentions later), read or not.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notification")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recipient_id", "text", (c) => c.notNull().references("app_user.id"))
    // sla_warning · sla_breach; later types (ticket_assigned, mention…) are new values, not new columns.
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    // SLA notifications: first_response · next_response · resolution; null for other types.
    .addColumn("metric", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("read_at", "bigint")
    .execute();
  // "My notifications, newest first", keyset-paginated on (created_at, id).
  await db.schema
    .createIndex("notification_recipient_idx")
    .on("notification")
    .columns(["recipient_id", "created_at", "id"])
    .execute();
  // The same for unread ones only, which the bell counts every 30 s: a partial index stays as small
  // as the unread pile, however much history the table holds.
  await db.schema
    .createIndex("notification_recipient_unread_idx")
    .on("notification")
    .columns(["recipient_id", "created_at", "id"])
    .where(sql.ref("read_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("notification").execute();
}
