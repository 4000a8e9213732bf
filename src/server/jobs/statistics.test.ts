// The maintenance job's statistics on SQLite: a table never analyzed, or whose size changed tenfold,
// is analyzed (averages only, no index samples); one that did not change is left alone. PostgreSQL's
// autovacuum analyzes its tables itself.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import {
  type Catalog,
  type MadeUser,
  makeCatalog,
  makeTicket,
  makeUser,
} from "../../../test/support/factories";
import { refreshStaleStatistics, runMaintenance } from "./maintenance";

describe("the maintenance job's planner statistics", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customer: MadeUser;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    customer = await makeUser(t.ctx, "customer");
  });
  afterAll(() => t.close());

  const openTickets = async (count: number) => {
    for (let i = 0; i < count; i++) await makeTicket(t.ctx, catalog, customer, { subject: `Boleto ${i}` });
  };
  /** The ticket table's row count as the planner knows it: the first figure of each index's stat. */
  const ticketRowsKnown = async () => {
    const rows = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'ticket'`.execute(
      t.ctx.db,
    );
    return rows.rows.map((row) => Number(row.stat.split(" ")[0]));
  };
  const samples = async () => {
    const tables = await sql<{ n: number }>`
      select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat4'`.execute(
      t.ctx.db,
    );
    if (Number(tables.rows[0]?.n) === 0) return 0;
    return Number(
      (await sql<{ n: number }>`select count(*) as n from sqlite_stat4`.execute(t.ctx.db)).rows[0]?.n,
    );
  };

  it("analyzes what was never analyzed or grew tenfold, keeps no samples, and leaves the rest alone", async () => {
    if (t.ctx.connection.dialect === "postgres") {
      await openTickets(3);
      expect(await refreshStaleStatistics(t.ctx)).toEqual([]);
      return;
    }
    await openTickets(20);
    const first = await refreshStaleStatistics(t.ctx);
    expect(first).toContain("ticket");
    expect(first).toContain("app_user");
    const known = await ticketRowsKnown();
    expect(known.length).toBeGreaterThan(5);
    for (const rows of known) expect(rows).toBe(20);
    expect(await samples()).toBe(0);

    // Nothing changed: only the tables' sizes are read.
    expect(await refreshStaleStatistics(t.ctx)).toEqual([]);
    // A few more tickets are not a new desk.
    await openTickets(20);
    expect(await refreshStaleStatistics(t.ctx)).not.toContain("ticket");
    expect(new Set(await ticketRowsKnown())).toEqual(new Set([20]));

    // Tenfold: the job's next run analyzes the ticket table again.
    await openTickets(200);
    await runMaintenance(t.ctx);
    for (const rows of await ticketRowsKnown()) expect(rows).toBe(240);
    expect(await samples()).toBe(0);
  }, 60_000);
});
