// API tokens (`Authorization: Bearer ext_…`): only the SHA-256 of a value is kept. A personal token
// belongs to its owner; a service token to an account of its own (`app_user`, inactive and without a
// password, so it can never sign in) that its tickets, messages and audit entries name.
import { type Kysely, sql } from "kysely";
import { ApiTokenKind } from "../../../contracts/tokens";

const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_token")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    /** SHA-256 (hex) of the whole value. */
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    /** The value's first characters, shown to tell tokens apart. */
    .addColumn("hint", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    /** Who the token acts as: its owner (personal) or its service account (service). */
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    /** JSON array of scopes. */
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("app_user.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint")
    .addColumn("last_used_at", "bigint")
    .addColumn("revoked_at", "bigint")
    .addColumn("revoked_by", "text", (c) => c.references("app_user.id"))
    .addCheckConstraint("api_token_kind_ck", sql`kind in (${list(ApiTokenKind.options)})`)
    .execute();
  await db.schema
    .createIndex("api_token_user_idx")
    .on("api_token")
    .columns(["user_id", "created_at"])
    .execute();
  await db.schema.createIndex("api_token_kind_idx").on("api_token").columns(["kind", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("api_token").execute();
}
