// Statistics after a bulk write: the averages stay, and on SQLite the samples of index values
// (sqlite_stat4) go, after every refresh and, for databases that gathered them before, in migration
// 0032. With samples, SQLite compiled a statement again on every run that bound a value they could
// estimate (see analyze.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator, sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { upsertScreens } from "../modules/screens/service";
import { refreshStatistics } from "./analyze";
import { type Connection, connect } from "./connect";
import { migrations } from "./migrations";
import type { Db } from "./schema";

const SCREENS = Array.from({ length: 40 }, (_, i) => ({
  code: `ATW${String(i + 1).padStart(4, "0")}`,
  name: `Tela de atendimento ${i + 1}`,
  module: i % 2 === 0 ? "CRM" : "Fiscal",
}));

const count = async (db: Db, query: string) =>
  Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]?.n);

describe("refreshStatistics", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await upsertScreens(t.ctx, SCREENS);
  });
  afterAll(() => t.close());

  it("gathers the table's statistics, without SQLite's samples of index values", async () => {
    await refreshStatistics(t.ctx.db, "screen");
    if (t.ctx.connection.dialect === "sqlite") {
      expect(
        await count(t.ctx.db, "select count(*) as n from sqlite_stat1 where tbl = 'screen'"),
      ).toBeGreaterThan(0);
      expect(await count(t.ctx.db, "select count(*) as n from sqlite_stat4")).toBe(0);
    } else {
      expect(
        await count(
          t.ctx.db,
          "select count(*) as n from pg_stats where schemaname = current_schema() and tablename = 'screen'",
        ),
      ).toBeGreaterThan(0);
    }
  });

  it("of every table when none is named", async () => {
    await refreshStatistics(t.ctx.db);
    if (t.ctx.connection.dialect === "sqlite") {
      expect(
        await count(t.ctx.db, "select count(*) as n from sqlite_stat1 where tbl = 'screen'"),
      ).toBeGreaterThan(0);
      expect(await count(t.ctx.db, "select count(*) as n from sqlite_stat4")).toBe(0);
    }
  });
});

describe("migration 0032 on a SQLite database that gathered samples", () => {
  const BEFORE = "20261206_0031_sweeper_due_indexes";
  const THIS = "20261207_0032_drop_index_samples";
  let dir: string;
  let connection: Connection;
  let migrator: Migrator;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-samples-"));
    connection = connect({ dialect: "sqlite", file: path.join(dir, "extranet.sqlite") });
    migrator = new Migrator({ db: connection.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
  });
  afterEach(async () => {
    await connection.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("drops the samples and keeps the averages", async () => {
    const now = 1_796_000_000_000;
    for (const screen of SCREENS)
      await sql`insert into screen (code, name, module, active, search_terms, created_at, updated_at)
        values (${screen.code}, ${screen.name}, ${screen.module}, 1, '', ${now}, ${now})`.execute(
        connection.db,
      );
    // What an import did before: a plain ANALYZE, which samples every index it reads.
    await sql`analyze "screen"`.execute(connection.db);
    const averages = await sql`select tbl, idx, stat from sqlite_stat1 order by tbl, idx`.execute(
      connection.db,
    );
    expect(
      await count(connection.db, "select count(*) as n from sqlite_stat4 where tbl = 'screen'"),
    ).toBeGreaterThan(0);

    expect((await migrator.migrateTo(THIS)).error).toBeUndefined();
    expect(await count(connection.db, "select count(*) as n from sqlite_stat4")).toBe(0);
    expect(
      (await sql`select tbl, idx, stat from sqlite_stat1 order by tbl, idx`.execute(connection.db)).rows,
    ).toEqual(averages.rows);
  });

  it("passes a database that never ran ANALYZE", async () => {
    expect((await migrator.migrateTo(THIS)).error).toBeUndefined();
    expect(
      await count(connection.db, "select count(*) as n from sqlite_master where name like 'sqlite_stat%'"),
    ).toBe(0);
  });
});
