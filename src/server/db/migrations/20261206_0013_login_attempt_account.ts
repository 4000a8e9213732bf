// Which account an address's sign-in attempt was for: the per-address limit counts distinct accounts.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("login_failure").addColumn("account", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("login_failure").dropColumn("account").execute();
}
