// Who raised a notification (who assigned the ticket, who mentioned you); null for the SLA sweeper's.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("notification")
    .addColumn("actor_id", "text", (c) => c.references("app_user.id"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("notification").dropColumn("actor_id").execute();
}
