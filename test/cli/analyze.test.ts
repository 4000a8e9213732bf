// `extranet analyze`: fresh statistics for the query planner on either database, while the server may
// run; on SQLite the averages only (no samples of index values, see src/server/db/analyze.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayDatabase } from "./postgres";
import { databaseFile, readSqlite, writeSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe("extranet analyze", () => {
  it("on SQLite writes the averages of every table and drops the samples a plain ANALYZE left", async () => {
    const env = { EXTRANET_DATA_DIR: freshDataDir() };
    expect((await runCli(["seed-demo"], env, { timeoutMs: 60_000 })).code).toBe(0);
    const file = databaseFile(env.EXTRANET_DATA_DIR);
    // What a `sqlite3` shell built with STAT4 leaves behind.
    writeSqlite(file, (db) => db.exec("analyze"));
    const samples = () =>
      readSqlite(
        file,
        (db) => (db.prepare("select count(*) as n from sqlite_stat4").get() as { n: number }).n,
      );
    expect(samples()).toBeGreaterThan(0);

    const run = await runCli(["analyze"], env, { timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("statistics updated");
    expect(samples()).toBe(0);
    const averaged = readSqlite(file, (db) =>
      (db.prepare("select distinct tbl from sqlite_stat1 order by tbl").all() as { tbl: string }[]).map(
        (row) => row.tbl,
      ),
    );
    expect(averaged).toEqual(
      expect.arrayContaining(["app_user", "company", "screen", "ticket", "ticket_event"]),
    );
  });

  it("on PostgreSQL analyzes every table", { timeout: 60_000 }, async () => {
    const database = await createThrowawayDatabase();
    try {
      const env = { EXTRANET_DATA_DIR: freshDataDir(), DATABASE_URL: database.url };
      const run = await runCli(["analyze"], env, { timeoutMs: 45_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("statistics updated");
      const [stats] = await database.query<{ unanalyzed: string; tables: string }>(
        `select count(*) filter (where last_analyze is null) as unanalyzed, count(*) as tables
           from pg_stat_user_tables where schemaname = 'public'`,
      );
      expect(Number(stats?.tables)).toBeGreaterThan(20);
      expect(Number(stats?.unanalyzed)).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
