// The query planner's statistics after a bulk write: PostgreSQL has none for new rows until
// autovacuum gets round to the table, and SQLite none until someone runs ANALYZE.
import { sql } from "kysely";
import { dialectOf } from "./dialect";
import type { Database, Db } from "./schema";

/**
 * `ANALYZE` of one table, or of every table, outside any transaction.
 *
 * On SQLite it keeps the averages (`sqlite_stat1`) and drops the samples of each index's values
 * (`sqlite_stat4`; better-sqlite3 builds SQLite with STAT4). With samples, a statement whose WHERE
 * binds a value they could estimate (a company's id against its index) is compiled again on the first
 * step after every binding, "as if there had been a schema change" (SQLite's documentation), and
 * better-sqlite3 binds on every run: each page paid a compilation per statement. On 100 000
 * generated tickets that was 60 % of a ticket's page's SQLite time and a third of the list's. The
 * queries that need a particular index name it (`INDEXED BY`), so no plan here depends on the samples.
 */
export async function refreshStatistics(db: Db, table?: keyof Database & string): Promise<void> {
  await (table === undefined ? sql`analyze` : sql`analyze ${sql.table(table)}`).execute(db);
  if (dialectOf(db) === "sqlite") await dropIndexSamples(db);
}

/** SQLite: empties `sqlite_stat4` where it exists, and has the planner reload its statistics. */
export async function dropIndexSamples(db: Db): Promise<void> {
  const tables = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat4'`.execute(db);
  if (Number(tables.rows[0]?.n) === 0) return;
  await sql`delete from sqlite_stat4`.execute(db);
  // Reloads sqlite_stat1 (and the now empty sqlite_stat4) into the planner, without analyzing again.
  await sql`analyze sqlite_schema`.execute(db);
}
