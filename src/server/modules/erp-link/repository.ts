// ERP installations, the links they signed that were already used, and the category a screen opens on.
import type { ErpInstallationTable, Executor } from "../../db/schema";

export type ErpInstallationRow = ErpInstallationTable;
export type ErpInstallationWithCompany = ErpInstallationRow & {
  company_name: string;
  company_cnpj: string;
  company_active: 0 | 1;
};

function withCompany(db: Executor) {
  return db
    .selectFrom("erp_installation")
    .innerJoin("company", "company.id", "erp_installation.company_id")
    .selectAll("erp_installation")
    .select([
      "company.name as company_name",
      "company.cnpj as company_cnpj",
      "company.active as company_active",
    ]);
}

export function findInstallation(db: Executor, id: string): Promise<ErpInstallationWithCompany | undefined> {
  return withCompany(db).where("erp_installation.id", "=", id).executeTakeFirst();
}

/** Every installation, newest first: a vendor has a handful per customer, not thousands. */
export function listInstallations(db: Executor): Promise<ErpInstallationWithCompany[]> {
  return withCompany(db)
    .orderBy("erp_installation.created_at", "desc")
    .orderBy("erp_installation.id", "desc")
    .execute();
}

export async function insertInstallation(db: Executor, row: ErpInstallationRow): Promise<void> {
  await db.insertInto("erp_installation").values(row).execute();
}

export async function updateInstallation(
  db: Executor,
  id: string,
  values: Partial<Omit<ErpInstallationRow, "id" | "company_id" | "created_at" | "created_by">>,
): Promise<void> {
  await db.updateTable("erp_installation").set(values).where("id", "=", id).execute();
}

/**
 * Records a link as used; false when it already was (the primary key decides, in whichever process
 * sees the link first). `on conflict do nothing` keeps a PostgreSQL transaction usable afterwards.
 */
export async function claimLinkUse(
  db: Executor,
  use: { installationId: string; jti: string; expiresAt: number },
): Promise<boolean> {
  const result = await db
    .insertInto("erp_link_use")
    .values({ installation_id: use.installationId, jti: use.jti, expires_at: use.expiresAt })
    .onConflict((oc) => oc.columns(["installation_id", "jti"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Used links past their expiry: refused by `exp` anyway, so their rows may go (maintenance job). */
export async function purgeExpiredLinkUses(db: Executor, now: number): Promise<number> {
  const result = await db.deleteFrom("erp_link_use").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A failed link from an address, counted with the sign-in failures (purged with them). */
export async function recordLinkFailure(db: Executor, ipKey: string, at: number): Promise<void> {
  await db.insertInto("login_failure").values({ key: ipKey, at, account: null }).execute();
}

/**
 * The category a link naming `screenCode` opens on: the screen's own (when active), else the active
 * category most often chosen for the screen's tickets (one query over `ticket_screen_category_idx`).
 */
export async function categoryForScreen(db: Executor, screenCode: string): Promise<string | null> {
  const own = await db
    .selectFrom("screen")
    .innerJoin("category", "category.id", "screen.category_id")
    .select("category.id")
    .where("screen.code", "=", screenCode)
    .where("category.active", "=", 1)
    .executeTakeFirst();
  if (own) return own.id;
  const chosen = await db
    .selectFrom("ticket")
    .innerJoin("category", "category.id", "ticket.category_id")
    .select("ticket.category_id")
    .select((eb) => eb.fn.countAll<number | string>().as("tickets"))
    .where("ticket.screen_code", "=", screenCode)
    .where("category.active", "=", 1)
    .groupBy("ticket.category_id")
    .orderBy("tickets", "desc")
    .orderBy("ticket.category_id")
    .limit(1)
    .executeTakeFirst();
  return chosen?.category_id ?? null;
}
