// What uploads use: each company's attachment storage, and each user's recent uploads (rate limit).
import { dialectOf } from "../../db/dialect";
import type { Executor } from "../../db/schema";
import type { RecentUpload } from "./upload-limits";

/** Bytes of every attachment a company's storage holds, pending uploads of its users included. */
export async function companyStorageBytes(db: Executor, companyId: string): Promise<number> {
  const row = await db
    .selectFrom("attachment")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("size"), eb.lit(0)).as("bytes"))
    .where("company_id", "=", companyId)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

/** Storage used by each of the given companies (absent ones use nothing). */
export async function storageBytesOfCompanies(
  db: Executor,
  companyIds: readonly string[],
): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("attachment")
    .select((eb) => ["company_id", eb.fn.sum<number>("size").as("bytes")])
    .where("company_id", "in", companyIds)
    .groupBy("company_id")
    .execute();
  return new Map(rows.map((row) => [row.company_id ?? "", Number(row.bytes)]));
}

/** The user's uploads since `since`, oldest first. */
export function recentUploadsOf(db: Executor, userId: string, since: number): Promise<RecentUpload[]> {
  return db
    .selectFrom("upload_log")
    .select(["at", "bytes"])
    .where("user_id", "=", userId)
    .where("at", ">", since)
    .orderBy("at")
    .execute();
}

export async function recordUpload(db: Executor, userId: string, at: number, bytes: number): Promise<void> {
  await db.insertInto("upload_log").values({ user_id: userId, at, bytes }).execute();
}

/** Forgets uploads older than the rate limit's window; returns how many. */
export async function purgeUploadLog(db: Executor, before: number): Promise<number> {
  const result = await db.deleteFrom("upload_log").where("at", "<=", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Serializes the last step of uploads that share a limit (PostgreSQL; a SQLite write transaction is
 * already alone): the company row for a customer (quota and rate), the user row for staff (rate).
 * NO KEY UPDATE: uploads queue behind each other, while rows that merely reference the company or
 * the user (tickets, sessions) are written meanwhile.
 */
export async function lockUploadLimits(
  db: Executor,
  target: { companyId: string | null; userId: string },
): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  if (target.companyId !== null) {
    await db.selectFrom("company").select("id").where("id", "=", target.companyId).forNoKeyUpdate().execute();
  } else {
    await db.selectFrom("app_user").select("id").where("id", "=", target.userId).forNoKeyUpdate().execute();
  }
}
