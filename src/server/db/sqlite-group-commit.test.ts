// Group commit on a real SQLite file: concurrent commands share one COMMIT, a failing one rolls back
// alone, nobody hears "committed" before the change is durable, and a failed group commit fails all.
// Always on a SQLite file, whatever the suite's database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { type Generated, Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { LockingSqliteDialect } from "./sqlite-dialect";
import { withStatementCache } from "./statement-cache";

interface ProbeSchema {
  probe: { id: Generated<number>; writer: string };
}

interface Probe {
  db: Kysely<ProbeSchema>;
  file: string;
  /** COMMIT statements the driver ran. */
  commits(): number;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openProbe(): Promise<Probe> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-group-"));
  const file = path.join(dir, "x.sqlite");
  const raw = new SQLite(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  const cached = withStatementCache(raw);
  let commits = 0;
  const counting = {
    close: () => cached.close(),
    get inTransaction() {
      return cached.inTransaction;
    },
    prepare(text: string) {
      if (text === "commit") commits += 1;
      return cached.prepare(text);
    },
  };
  const db = new Kysely<ProbeSchema>({
    dialect: new LockingSqliteDialect(counting),
  });
  await sql`create table probe (id integer primary key, writer text not null)`.execute(db);
  cleanups.push(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, file, commits: () => commits };
}

/** What another connection (another process would see the same) finds committed in the file. */
function committedWriters(file: string): string[] {
  const other = new SQLite(file, { readonly: true });
  try {
    return (other.prepare("select writer from probe order by id").all() as { writer: string }[]).map(
      (row) => row.writer,
    );
  } finally {
    other.close();
  }
}

function insert(probe: Probe, writer: string, then?: () => Promise<void>) {
  return probe.db.transaction().execute(async (trx) => {
    await trx.insertInto("probe").values({ writer }).execute();
    await then?.();
  });
}

describe("SQLite group commit", () => {
  it("commands running together share one commit, and one that fails rolls back alone", async () => {
    const probe = await openProbe();
    const before = probe.commits();

    const results = await Promise.allSettled([
      insert(probe, "a"),
      insert(probe, "b", async () => {
        throw new Error("b changes its mind");
      }),
      insert(probe, "c"),
      insert(probe, "d"),
    ]);

    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    expect(committedWriters(probe.file)).toEqual(["a", "c", "d"]);
    expect(probe.commits() - before).toBe(1);
  });

  it("a command hears it committed only once its change is in the file for every connection", async () => {
    const probe = await openProbe();
    let releaseSlow: () => void = () => {};
    const slowMayFinish = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    let quickDone = false;
    const quick = insert(probe, "quick").then(() => {
      quickDone = true;
    });
    // The slow command joins the group and holds it open.
    const slow = insert(probe, "slow", () => slowMayFinish);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(quickDone).toBe(false);
    expect(committedWriters(probe.file)).toEqual([]);

    releaseSlow();
    await Promise.all([quick, slow]);
    expect(committedWriters(probe.file)).toEqual(["quick", "slow"]);
  });

  it("when the group's transaction is lost, every command of the group fails", async () => {
    const probe = await openProbe();
    const results = await Promise.allSettled([
      insert(probe, "innocent"),
      // Ends the whole transaction under everyone's feet, as a full disk or an I/O error can.
      probe.db.transaction().execute(async (trx) => {
        await trx.insertInto("probe").values({ writer: "culprit" }).execute();
        await sql`rollback`.execute(trx);
      }),
    ]);

    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(committedWriters(probe.file)).toEqual([]);
    // The connection is usable again afterwards.
    await insert(probe, "after");
    expect(committedWriters(probe.file)).toEqual(["after"]);
  });

  it("a lone statement while a group is open runs in it and is committed with it", async () => {
    const probe = await openProbe();
    let releaseSlow: () => void = () => {};
    const slowMayFinish = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const slow = insert(probe, "in a command", () => slowMayFinish);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const lone = probe.db.insertInto("probe").values({ writer: "lone" }).execute();
    releaseSlow();
    await Promise.all([slow, lone]);

    expect(committedWriters(probe.file).sort()).toEqual(["in a command", "lone"]);
  });
});
