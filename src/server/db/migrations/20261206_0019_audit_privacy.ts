// "Auditoria" filters by person and by kind of record, newest first, each with its own index; a
// person can be anonymized (LGPD) and the retention setting removes old tickets' attachment files,
// keeping the rows marked so the history still says a file was there.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("audit_log_actor_idx")
    .on("audit_log")
    .columns(["actor_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("audit_log_kind_idx")
    .on("audit_log")
    .columns(["target_type", "created_at", "id"])
    .execute();
  /** When the person's name, e-mail and sign-ins were removed (null: never). */
  await db.schema.alterTable("app_user").addColumn("anonymized_at", "bigint").execute();
  /** When the retention setting removed the file (null: still stored). */
  await db.schema.alterTable("attachment").addColumn("purged_at", "bigint").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("attachment").dropColumn("purged_at").execute();
  await db.schema.alterTable("app_user").dropColumn("anonymized_at").execute();
  await db.schema.dropIndex("audit_log_kind_idx").execute();
  await db.schema.dropIndex("audit_log_actor_idx").execute();
}
