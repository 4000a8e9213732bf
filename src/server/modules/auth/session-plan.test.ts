// Every API request looks its session up by the cookie's hash. That lookup reads the session by its
// key however few sessions the planner was told of: SQLite, told a table has one row, reads the whole
// table instead, and keeps doing so as sign-ins add rows until the next ANALYZE (db/analyze.ts).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { makeUser } from "../../../../test/support/factories";
import { planOf } from "../../../../test/support/query-plan";
import { hashToken } from "../../crypto";
import { FEWEST_KNOWN_ROWS, refreshStatistics, settleStatistics } from "../../db/analyze";
import { insertSession, sessionWithUserQuery } from "./repository";

describe("the session lookup's plan", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const lookupPlan = async () =>
    (await planOf(t.ctx.db, sessionWithUserQuery(t.ctx.db, hashToken("some-token")).compile())).join("\n");
  const sessionRowsKnown = async () =>
    (
      await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'session'`.execute(t.ctx.db)
    ).rows.map((row) => Number(row.stat.split(" ")[0]));

  it("reads the session by its key after the table was analyzed at one row and grew", async () => {
    const user = await makeUser(t.ctx, "customer");
    const session = (n: number) => ({
      id: hashToken(`token-${n}`),
      user_id: user.id,
      created_at: 1,
      last_seen_at: 1,
      expires_at: 2,
      ip: "127.0.0.1",
      user_agent: "test",
    });
    await insertSession(t.ctx.db, session(0));
    await refreshStatistics(t.ctx.db, "session");
    if (t.ctx.connection.dialect === "sqlite") {
      const known = await sessionRowsKnown();
      expect(known.length).toBeGreaterThan(0);
      for (const rows of known) expect(rows).toBe(FEWEST_KNOWN_ROWS);
    }
    await t.ctx.db.transaction().execute(async (trx) => {
      for (let n = 1; n <= 1000; n++) await insertSession(trx, session(n));
    });
    const plan = await lookupPlan();
    if (t.ctx.connection.dialect === "sqlite") {
      expect(plan).toMatch(/SEARCH s USING INDEX sqlite_autoindex_session_1 \(id=\?\)/);
    } else {
      expect(plan).toMatch(/Index Scan using session_pkey on session s/);
    }
    expect(plan).not.toMatch(/SCAN s\b|Seq Scan on session/);
  });

  it("SQLite: told of one session, the planner scans; the floor puts it back on the key", async () => {
    if (t.ctx.connection.dialect !== "sqlite") {
      // PostgreSQL scales its row estimates by the table's current size: it has no such trap.
      expect(await lookupPlan()).toMatch(/Index Scan using session_pkey on session s/);
      return;
    }
    await sql`update sqlite_stat1 set stat = '1' || substr(stat, instr(stat, ' ')) where tbl = 'session'`.execute(
      t.ctx.db,
    );
    await sql`analyze sqlite_schema`.execute(t.ctx.db);
    expect(await lookupPlan()).toMatch(/SCAN s\b/);
    await settleStatistics(t.ctx.db);
    expect(await sessionRowsKnown()).toContain(FEWEST_KNOWN_ROWS);
    expect(await lookupPlan()).toMatch(/SEARCH s USING INDEX sqlite_autoindex_session_1/);
  });
});
