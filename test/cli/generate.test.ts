// `extranet generate`: synthetic companies and tickets for benchmarks, with progress and statistics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayDatabase } from "./postgres";
import { countRows, databaseFile, readSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe("extranet generate", () => {
  it("writes the tickets across the companies with their clocks and queue keys, showing progress", async () => {
    const env = { EXTRANET_DATA_DIR: freshDataDir() };
    expect((await runCli(["seed-demo"], env, { timeoutMs: 60_000 })).code).toBe(0);
    const before = countRows(databaseFile(env.EXTRANET_DATA_DIR), "ticket");
    const run = await runCli(["generate", "--tickets", "300", "--companies", "4"], env, {
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toMatch(/tickets: 300\/300 \(100%\)/);
    expect(run.stdout).toContain("generated 300 tickets");
    expect(run.stdout).toContain("updating the query planner's statistics");

    const file = databaseFile(env.EXTRANET_DATA_DIR);
    expect(countRows(file, "ticket") - before).toBe(300);
    const stats = readSqlite(file, (db) => ({
      companies: db
        .prepare(
          "select count(distinct company_id) as n from ticket where requester_id in (select id from app_user where email like '%@sintetica.example.com')",
        )
        .get() as { n: number },
      // Every open generated ticket with a running clock sorts by a real due instant.
      openWithoutDue: db
        .prepare(
          `select count(*) as n from ticket t where t.status in ('open', 'in_progress')
             and exists (select 1 from sla_clock c where c.ticket_id = t.id and c.met_at is null and c.stopped_at is null and c.due_at is not null)
             and t.queue_due_at = 253402300799999`,
        )
        .get() as { n: number },
      // ANALYZE ran: the planner's statistics exist.
      analyzed: db.prepare("select count(*) as n from sqlite_stat1 where tbl = 'ticket'").get() as {
        n: number;
      },
      // Averages only: with samples of index values SQLite compiles statements again on every run.
      samples: db.prepare("select count(*) as n from sqlite_stat4").get() as { n: number },
      // The search index was merged into one segment (the seed's tickets and the batches made several).
      segments: db.prepare("select count(distinct segid) as n from ticket_fts_idx").get() as { n: number },
    }));
    expect(stats.companies.n).toBe(4);
    expect(stats.openWithoutDue.n).toBe(0);
    expect(stats.analyzed.n).toBeGreaterThan(0);
    expect(stats.samples.n).toBe(0);
    expect(stats.segments.n).toBe(1);
    expect(run.stdout).toContain("merging the search index");
  });

  it("on PostgreSQL loads with COPY, then vacuums and analyzes", {
    timeout: 90_000,
  }, async () => {
    const database = await createThrowawayDatabase();
    try {
      const env = { EXTRANET_DATA_DIR: freshDataDir(), DATABASE_URL: database.url };
      const run = await runCli(["generate", "--tickets", "900", "--companies", "3"], env, {
        timeoutMs: 60_000,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/tickets: 900\/900 \(100%\)/);
      const [stats] = await database.query<{
        tickets: string;
        events: string;
        clocks: string;
        analyzed: string;
        vacuumed: string;
      }>(
        `select (select count(*) from ticket) as tickets,
                (select count(*) from ticket_event where ticket_id in (select id from ticket)) as events,
                (select count(*) from sla_clock) as clocks,
                (select count(*) from pg_stat_user_tables where relname = 'ticket' and last_analyze is not null) as analyzed,
                (select count(*) from pg_stat_user_tables where relname = 'ticket' and last_vacuum is not null) as vacuumed`,
      );
      expect(Number(stats?.tickets)).toBe(900);
      expect(Number(stats?.clocks)).toBe(1800);
      expect(Number(stats?.events)).toBeGreaterThanOrEqual(900);
      expect(Number(stats?.analyzed)).toBe(1);
      expect(Number(stats?.vacuumed)).toBe(1);
      // What PostgreSQL answered each COPY with ("COPY n"), summed: every row of the run went that way.
      const copied =
        /^loaded with COPY: ticket (\d+), ticket_tag (\d+), ticket_event (\d+), sla_clock (\d+)$/m.exec(
          run.stdout,
        );
      expect(copied, run.stdout).not.toBeNull();
      expect(Number(copied?.[1])).toBe(900);
      expect(Number(copied?.[3])).toBe(Number(stats?.events));
      expect(Number(copied?.[4])).toBe(1800);
    } finally {
      await database.drop();
    }
  });
});
