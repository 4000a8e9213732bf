// "Suporte UNO ERP": the ERP installations allowed to sign their users in with a signed link, the
// link ids already used (a replayed link is refused in every process), and the category each ERP
// screen opens on ("Telas do ERP").
import { type Kysely, sql } from "kysely";
import { ErpAlgorithm } from "../../../contracts/erp-installations";

const ALGORITHMS = ErpAlgorithm.options;
const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("erp_installation")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("company_id", "text", (c) => c.notNull().references("company.id"))
    .addColumn("algorithm", "text", (c) => c.notNull())
    /** HS256: the shared secret (it must be readable to verify, so it is never shown again). */
    .addColumn("secret", "text")
    /** EdDSA and RS256: the installation's public key, PEM (SPKI). */
    .addColumn("public_key", "text")
    /** An unknown e-mail becomes a customer of the company on its first link. */
    .addColumn("creates_users", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    /** Revoked for good: links are refused, the row stays for the audit trail. */
    .addColumn("revoked_at", "bigint")
    .addColumn("last_used_at", "bigint")
    .addColumn("created_by", "text", (c) => c.references("app_user.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addCheckConstraint("erp_installation_algorithm_ck", sql`algorithm in (${list(ALGORITHMS)})`)
    .addCheckConstraint("erp_installation_creates_users_ck", sql`creates_users in (0, 1)`)
    .addCheckConstraint("erp_installation_active_ck", sql`active in (0, 1)`)
    .addCheckConstraint(
      "erp_installation_key_ck",
      sql`(algorithm = 'HS256' and secret is not null and public_key is null) or (algorithm <> 'HS256' and secret is null and public_key is not null)`,
    )
    .execute();
  await db.schema
    .createIndex("erp_installation_list_idx")
    .on("erp_installation")
    .columns(["created_at", "id"])
    .execute();
  await db.schema
    .createIndex("erp_installation_company_idx")
    .on("erp_installation")
    .column("company_id")
    .execute();

  // One row per link accepted: the primary key refuses the second use, whichever process sees it.
  await db.schema
    .createTable("erp_link_use")
    .addColumn("installation_id", "text", (c) => c.notNull().references("erp_installation.id"))
    .addColumn("jti", "text", (c) => c.notNull())
    /** The link's own expiry: past it the link is refused anyway, so the row may go. */
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("erp_link_use_pk", ["installation_id", "jti"])
    .execute();
  await db.schema.createIndex("erp_link_use_expires_idx").on("erp_link_use").column("expires_at").execute();

  /** The category a link naming this screen opens on; null: the one most chosen for it so far. */
  await db.schema
    .alterTable("screen")
    .addColumn("category_id", "text", (c) => c.references("category.id"))
    .execute();
  // "The category most chosen for this screen" reads this index alone.
  await db.schema
    .createIndex("ticket_screen_category_idx")
    .on("ticket")
    .columns(["screen_code", "category_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("ticket_screen_category_idx").execute();
  await db.schema.alterTable("screen").dropColumn("category_id").execute();
  await db.schema.dropTable("erp_link_use").execute();
  await db.schema.dropTable("erp_installation").execute();
}
