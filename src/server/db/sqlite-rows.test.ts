// The driver's rows, built from arrays (sqlite-rows.ts), are the objects better-sqlite3 itself builds:
// on a real SQLite file, through the driver the server uses.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { LockingSqliteDialect } from "./sqlite-dialect";
import { rowBuilder } from "./sqlite-rows";
import { withStatementCache } from "./statement-cache";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function open(): { db: Kysely<Record<string, never>>; file: string; direct: SQLite.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-rows-"));
  const file = path.join(dir, "x.sqlite");
  const raw = new SQLite(file);
  raw.pragma("journal_mode = WAL");
  const db = new Kysely<Record<string, never>>({
    dialect: new LockingSqliteDialect(withStatementCache(raw)),
  });
  // A second connection, reading with better-sqlite3's own row objects.
  const direct = new SQLite(file);
  cleanups.push(async () => {
    direct.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, file, direct };
}

const QUERY = `select id, name, score, note, data, id as "id", name as "quote""d", 7 as "constructor"
  from t order by id`;

describe("SQLite rows read as arrays", () => {
  it("are the objects better-sqlite3 builds: names, order, types, a repeated name, odd names", async () => {
    const { db, direct } = open();
    await sql`create table t (id integer primary key, name text, score real, note text, data blob)`.execute(
      db,
    );
    await sql`insert into t (name, score, note, data) values
      ('Conceição', 1.5, null, x'00ff'), ('José "Zé"', -2, 'ok', null)`.execute(db);

    // Twice: the second run uses the statement already switched to arrays.
    for (let run = 0; run < 2; run++) {
      const { rows } = await sql.raw<Record<string, unknown>>(QUERY).execute(db);
      const expected = direct.prepare(QUERY).all() as Record<string, unknown>[];
      expect(rows).toEqual(expected);
      expect(rows.map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row)));
      const [first] = rows;
      expect(first?.name).toBe("Conceição");
      expect(first?.data).toEqual(Buffer.from([0x00, 0xff]));
      expect(first?.note).toBeNull();
      expect(first?.constructor).toBe(7);
      expect(first?.['quote"d']).toBe("Conceição");
    }
  });

  it("a column named __proto__ is a property like any other, never the row's prototype", async () => {
    // better-sqlite3 assigns it, which sets the prototype (to a Buffer, for a blob): the one difference.
    const { db } = open();
    const { rows } = await sql<Record<string, unknown>>`select x'01' as "__proto__", 1 as n`.execute(db);
    const [row] = rows;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.hasOwn(row ?? {}, "__proto__")).toBe(true);
    expect(row?.n).toBe(1);
  });

  it("every row is an object of its own", async () => {
    const { db } = open();
    const query = sql<{ n: number }>`select 1 as n union all select 2`;
    const first = (await query.execute(db)).rows;
    const second = (await query.execute(db)).rows;
    expect(first).toEqual([{ n: 1 }, { n: 2 }]);
    expect(second).toEqual([{ n: 1 }, { n: 2 }]);
    expect(second[0]).not.toBe(first[0]);
  });

  it("a cached `select *` follows a column another connection added", async () => {
    const { db, direct } = open();
    await sql`create table t (id integer primary key, name text)`.execute(db);
    await sql`insert into t (name) values ('a')`.execute(db);
    const all = sql.raw<Record<string, unknown>>("select * from t");
    expect((await all.execute(db)).rows).toEqual([{ id: 1, name: "a" }]);

    direct.exec("alter table t add column extra text default 'e'");
    expect((await all.execute(db)).rows).toEqual([{ id: 1, name: "a", extra: "e" }]);
  });

  it("writes and RETURNING still answer as before", async () => {
    const { db } = open();
    await sql`create table t (id integer primary key, name text)`.execute(db);
    const inserted = await sql`insert into t (name) values ('a'), ('b')`.execute(db);
    expect(inserted.numAffectedRows).toBe(2n);
    const returned = await sql<{ id: number }>`insert into t (name) values ('c') returning id`.execute(db);
    expect(returned.rows).toEqual([{ id: 3 }]);
  });

  it("a builder makes the literal its columns name, whatever they are", () => {
    const build = rowBuilder(["a", "a", "b\\c", "__proto__", "ç"]);
    const row = build([1, 2, 3, 4, 5]);
    expect(row).toEqual({ a: 2, "b\\c": 3, ["__proto__"]: 4, ç: 5 });
    expect(Object.keys(row)).toEqual(["a", "b\\c", "__proto__", "ç"]);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });
});
