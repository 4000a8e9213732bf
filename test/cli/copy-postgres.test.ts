// COPY … FROM STDIN as the bulk loads use it (src/server/db/copy.ts), on a throwaway PostgreSQL
// database: values come back as they were sent, and a failed COPY leaves the connection usable.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyObjects, copyRows } from "../../src/server/db/copy";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";

let database: ThrowawayDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createThrowawayDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("create table note (id integer primary key, body text, at bigint)");
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("COPY from stdin", () => {
  it("sends text with tabs, line breaks, backslashes and look-alikes of null unchanged", async () => {
    const bodies = [
      "tab\there",
      "line\nbreak and\r\nwindows",
      "back\\slash \\N \\t",
      "\\N",
      "NULL",
      "",
      "ação — 日本語 🎫",
      null,
    ];
    const rows = bodies.map((body, i) => ({ id: i + 1, body, at: 1_776_000_000_000 + i }));
    expect(await copyObjects(client, "note", rows)).toBe(bodies.length);
    const { rows: back } = await client.query<{ id: number; body: string | null; at: string }>(
      "select id, body, at from note order by id",
    );
    expect(back.map((row) => ({ ...row, at: Number(row.at) }))).toEqual(rows);
  });

  it("streams many rows in chunks, reporting them as they go, and returns PostgreSQL's count", async () => {
    function* rows() {
      for (let id = 1000; id < 21_000; id++) yield [id, `nota ${id} `.repeat(5), id];
    }
    const chunks: number[] = [];
    const copied = await copyRows(client, "note", ["id", "body", "at"], rows(), {
      chunkRows: 3000,
      onRows: (count) => chunks.push(count),
    });
    expect(copied).toBe(20_000);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(3000);
    const { rows: counted } = await client.query("select count(*)::int as n from note where id >= 1000");
    expect(counted[0].n).toBe(20_000);
  });

  it("a failing COPY rejects with PostgreSQL's error; after a rollback nothing of it stays", async () => {
    await client.query("begin");
    await expect(
      copyObjects(client, "note", [
        { id: 50_000, body: "first", at: 1 },
        { id: 50_000, body: "same key", at: 2 },
      ]),
    ).rejects.toThrow(/duplicate key/);
    await client.query("rollback");
    const { rows } = await client.query("select count(*)::int as n from note where id = 50000");
    expect(rows[0].n).toBe(0);
  });
});
