// Serializing work on a named key inside a transaction, the same way on both databases.
import { sql } from "kysely";
import { dialectOf } from "./dialect";
import type { Executor } from "./schema";

/**
 * Holds a lock on each name until the transaction ends. PostgreSQL: transaction-level advisory
 * locks, taken in a fixed order so that two callers never wait on each other in a cycle. SQLite:
 * nothing to do, one process writes and its transactions already run one at a time.
 */
export async function lockNames(trx: Executor, names: string[]): Promise<void> {
  if (dialectOf(trx) !== "postgres") return;
  for (const name of [...new Set(names)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
  }
}
