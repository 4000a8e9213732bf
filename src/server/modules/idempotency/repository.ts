// Idempotency keys in the database: claimed in a command's transaction, read to replay it.
import type { Executor, IdempotencyKeyTable } from "../../db/schema";

export type IdempotencyKeyRow = IdempotencyKeyTable;

export function findIdempotencyKey(
  db: Executor,
  userId: string,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  return db
    .selectFrom("idempotency_key")
    .selectAll()
    .where("user_id", "=", userId)
    .where("key", "=", key)
    .executeTakeFirst();
}

/**
 * Claims the key for a command that is about to run. On PostgreSQL a concurrent claim of the same
 * key waits here for the first transaction, then fails on the primary key once it commits.
 */
export async function insertIdempotencyKey(db: Executor, row: IdempotencyKeyRow): Promise<void> {
  await db.insertInto("idempotency_key").values(row).execute();
}

export async function setIdempotencyResult(db: Executor, userId: string, key: string, result: string) {
  await db
    .updateTable("idempotency_key")
    .set({ result })
    .where("user_id", "=", userId)
    .where("key", "=", key)
    .execute();
}

/** Keys older than `before` are forgotten: a retry comes within minutes, not days. */
export async function deleteIdempotencyKeysBefore(db: Executor, before: number): Promise<number> {
  const result = await db.deleteFrom("idempotency_key").where("created_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
