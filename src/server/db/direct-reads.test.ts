// Prepared reads on SQLite run at once while nothing holds the connection, and wait their turn behind a
// command that holds it, as every statement through Kysely does. On a real SQLite file, opened as the
// server opens it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { signal } from "../../../test/support/signal";
import { connect } from "./connect";
import { PreparedQuery } from "./prepared";
import type { Db } from "./schema";
import { readDirectly } from "./sqlite-group-commit";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function openDb(onStatement?: (text: string) => void): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-direct-"));
  const { db } = connect({ dialect: "sqlite", file: path.join(dir, "x.sqlite") }, { onStatement });
  cleanups.push(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

// A read of the `setting` table's shape, on a table made for the test.
const byKey = PreparedQuery.single((db, values: { key: string }) =>
  db.selectFrom("setting").select(["key", "value"]).where("key", "=", values.key),
);

async function withSettings(db: Db): Promise<void> {
  await sql`create table setting (key text primary key, value text not null)`.execute(db);
  await sql`insert into setting (key, value) values ('a', '1')`.execute(db);
}

describe("direct reads on SQLite", () => {
  it("run at once while the connection is free, and are still heard by the statement listener", async () => {
    const heard: string[] = [];
    const db = openDb((text) => heard.push(text));
    await withSettings(db);
    const compiled = db.selectFrom("setting").select("value").where("key", "=", "a").compile();
    expect(readDirectly(db, compiled)).toEqual([{ value: "1" }]);
    expect(await byKey.executeTakeFirst(db, null, { key: "a" })).toEqual({ key: "a", value: "1" });
    expect(heard.filter((text) => text.startsWith("select"))).toHaveLength(2);
  });

  it("wait behind a command holding the connection, then see what it wrote", async () => {
    const db = openDb();
    await withSettings(db);
    const letGo = signal();
    const inside = signal();
    const command = db.transaction().execute(async (trx) => {
      await sql`insert into setting (key, value) values ('b', '2')`.execute(trx);
      inside.fire();
      await letGo.reached;
    });
    await inside.reached;

    const compiled = db.selectFrom("setting").select("value").where("key", "=", "b").compile();
    expect(readDirectly(db, compiled)).toBeUndefined();
    let answered = false;
    const read = byKey.executeTakeFirst(db, null, { key: "b" }).then((row) => {
      answered = true;
      return row;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);

    letGo.fire();
    await command;
    expect(await read).toEqual({ key: "b", value: "2" });
  });

  it("are never taken inside a transaction, nor for a write", async () => {
    const db = openDb();
    await withSettings(db);
    const compiled = db.selectFrom("setting").select("value").compile();
    await db.transaction().execute(async (trx) => {
      expect(readDirectly(trx, compiled)).toBeUndefined();
      expect(await byKey.executeTakeFirst(trx, null, { key: "a" })).toEqual({ key: "a", value: "1" });
    });
    const write = db.updateTable("setting").set({ value: "3" }).where("key", "=", "a").compile();
    expect(readDirectly(db, write)).toBeUndefined();
    expect(
      (await db.selectFrom("setting").select("value").where("key", "=", "a").executeTakeFirst())?.value,
    ).toBe("1");
  });
});
