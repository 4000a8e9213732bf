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
  if (dialectOf(db) === "sqlite") await settleStatistics(db);
}

/** The fewest rows SQLite's statistics may say a table has (`settleStatistics`). */
export const FEWEST_KNOWN_ROWS = 3;

/**
 * SQLite, after an ANALYZE: drops the index samples (above) and records a table analyzed at one or two
 * rows as having three, then has the planner reload its statistics.
 *
 * Told that a table has one or two rows, SQLite's planner reads the whole table rather than look a
 * row up by its primary key, and that plan stays until the next ANALYZE, however much the table grows
 * meanwhile (the maintenance job's `PRAGMA optimize` waits for tenfold). The session table is the one
 * that grows fastest, a row per sign-in, and every request looks it up: analyzed at one session and
 * grown to 1,000, the lookup took 44 µs instead of 3. From three rows on the planner uses the key. A
 * table that really holds one row is read alike either way.
 */
export async function settleStatistics(db: Db): Promise<void> {
  await sql`
    update sqlite_stat1
    set stat = ${String(FEWEST_KNOWN_ROWS)}
      || case when instr(stat, ' ') = 0 then '' else substr(stat, instr(stat, ' ')) end
    where cast(stat as integer) between 1 and ${FEWEST_KNOWN_ROWS - 1}`.execute(db);
  await deleteIndexSamples(db);
  await reloadStatistics(db);
}

/** SQLite: empties `sqlite_stat4` where it exists, and has the planner reload its statistics. */
export async function dropIndexSamples(db: Db): Promise<void> {
  if (await deleteIndexSamples(db)) await reloadStatistics(db);
}

/** Whether there were samples to delete. */
async function deleteIndexSamples(db: Db): Promise<boolean> {
  const tables = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat4'`.execute(db);
  if (Number(tables.rows[0]?.n) === 0) return false;
  await sql`delete from sqlite_stat4`.execute(db);
  return true;
}

/** Loads sqlite_stat1 and sqlite_stat4 into the planner again, without analyzing. */
async function reloadStatistics(db: Db): Promise<void> {
  await sql`analyze sqlite_schema`.execute(db);
}
