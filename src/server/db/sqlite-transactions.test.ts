// SQLite with another process writing (a CLI command beside the server): our writers wait for its
// lock instead of failing with "database is locked". Always on a SQLite file, whatever the suite's database.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type Connection, connect } from "./connect";

const HOLD_MS = 700;

interface Probe {
  connection: Connection;
  file: string;
  dir: string;
}

const opened: Probe[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const probe of opened.splice(0)) {
    await probe.connection.db.destroy();
    fs.rmSync(probe.dir, { recursive: true, force: true });
  }
});

async function openProbe(): Promise<Probe> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-busy-"));
  const file = path.join(dir, "x.sqlite");
  const connection = connect({ dialect: "sqlite", file });
  await sql`create table probe (id integer primary key, writer text not null)`.execute(connection.db);
  const probe = { connection, file, dir };
  opened.push(probe);
  return probe;
}

/** Another process takes the write lock and holds it for HOLD_MS; resolves once it holds it. */
function otherProcessHoldsWriteLock(file: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/support/bin/hold-sqlite-write-lock.ts", file, String(HOLD_MS)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString("utf8").includes("locked")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before locking`)));
  });
}

async function writers(probe: Probe): Promise<string[]> {
  const rows = await sql<{ writer: string }>`select writer from probe order by id`.execute(
    probe.connection.db,
  );
  return rows.rows.map((r) => r.writer);
}

describe("SQLite writers while another process writes", () => {
  it("a transaction that reads and then writes waits for the other process's lock", async () => {
    const probe = await openProbe();
    await otherProcessHoldsWriteLock(probe.file);
    const started = Date.now();

    await probe.connection.db.transaction().execute(async (trx) => {
      const before = await sql<{ n: number }>`select count(*) as n from probe`.execute(trx);
      await sql`insert into probe (writer) values (${`server after ${before.rows[0]?.n}`})`.execute(trx);
    });

    expect(Date.now() - started).toBeGreaterThan(HOLD_MS / 2);
    // It began after the other process committed, so it saw that row.
    expect(await writers(probe)).toEqual(["other process", "server after 1"]);
  });

  it("a lone write outside a transaction waits too", async () => {
    const probe = await openProbe();
    await otherProcessHoldsWriteLock(probe.file);
    const started = Date.now();

    await sql`insert into probe (writer) values ('lone write')`.execute(probe.connection.db);

    expect(Date.now() - started).toBeGreaterThan(HOLD_MS / 2);
    expect(await writers(probe)).toEqual(["other process", "lone write"]);
  });
});
