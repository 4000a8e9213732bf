// Settings an admin changes without a restart, one row per setting (a missing one reads as its
// default); and the audit trail's new kinds of record (settings, the catalog, articles, the
// integrations to come), which existing databases' constraint must accept.
import type { Kysely } from "kysely";
import { rewriteChecks } from "./20261206_0011_check_constraints";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("setting")
    .addColumn("key", "text", (c) => c.primaryKey().notNull())
    /** JSON of the value, checked by the settings contract when read. */
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("app_user.id"))
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await rewriteChecks(db, ["audit_log_target_type_ck"]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("setting").execute();
}
