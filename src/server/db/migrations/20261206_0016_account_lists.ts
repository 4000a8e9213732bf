// Indexes for the console's "Empresas" and "Usuários" lists and their filters (state, active, role),
// and for lifting a sign-in lock (the address attempts naming an account).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("company_state_name_idx")
    .on("company")
    .columns(["state", "name", "id"])
    .execute();
  await db.schema
    .createIndex("company_active_name_idx")
    .on("company")
    .columns(["active", "name", "id"])
    .execute();
  await db.schema.createIndex("app_user_name_idx").on("app_user").columns(["name", "id"]).execute();
  await db.schema
    .createIndex("app_user_role_name_idx")
    .on("app_user")
    .columns(["role", "name", "id"])
    .execute();
  await db.schema
    .createIndex("app_user_active_name_idx")
    .on("app_user")
    .columns(["active", "name", "id"])
    .execute();
  await db.schema.createIndex("login_failure_account_idx").on("login_failure").column("account").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    "login_failure_account_idx",
    "app_user_active_name_idx",
    "app_user_role_name_idx",
    "app_user_name_idx",
    "company_active_name_idx",
    "company_state_name_idx",
  ]) {
    await db.schema.dropIndex(index).execute();
  }
}
