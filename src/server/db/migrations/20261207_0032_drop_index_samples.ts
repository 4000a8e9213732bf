// SQLite databases that ran ANALYZE (every screen catalog import, `extranet generate`) hold samples of
// each index's values in sqlite_stat4, and with them SQLite compiles a statement again after every
// binding of a value the samples could estimate: on every run, as better-sqlite3 binds each time. The
// averages in sqlite_stat1 stay; the samples go (see refreshStatistics in ../analyze.ts, which drops
// them after every ANALYZE from now on). PostgreSQL has nothing of the kind.
import type { Kysely } from "kysely";
import { dropIndexSamples } from "../analyze";
import { dialectOf } from "../dialect";
import type { Db } from "../schema";

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "sqlite") await dropIndexSamples(db as Db);
}

// Samples are a cache of the data: the next ANALYZE without the drop would write them again.
export async function down(): Promise<void> {}
