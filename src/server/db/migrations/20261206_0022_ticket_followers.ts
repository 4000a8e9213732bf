// Colleagues following a ticket: a customer of the ticket's company who asked to be told of it by
// e-mail as its requester is ("Seguir esta ocorrência").
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("ticket_follower")
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("ticket_follower_pk", ["ticket_id", "user_id"])
    .execute();
  await db.schema.createIndex("ticket_follower_user_idx").on("ticket_follower").column("user_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("ticket_follower").execute();
}
