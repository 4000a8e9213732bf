// `extranet migrate-to-postgres`: SQLite → an empty PostgreSQL database in one transaction, verified by
// row counts and a SHA-256 per table; a non-empty target is refused, a differing row is caught, and a
// copy killed half-way leaves the target empty so it can simply be run again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { DEMO_PASSWORD } from "../../src/server/seed/demo-data";
import { jsonHeaders } from "./demo-traffic";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { startServer } from "./server";
import { databaseFile, readSqlite } from "./sqlite";
import { cleanUp, copyOfDataDir, ensureBuilt, freshDataDir, runCli, spawnCli, waitFor } from "./support";

const databases: ThrowawayDatabase[] = [];
let demoDir = "";
let generatedDir = "";

async function throwaway(): Promise<ThrowawayDatabase> {
  const database = await createThrowawayDatabase();
  databases.push(database);
  return database;
}

beforeAll(async () => {
  await ensureBuilt();
  demoDir = freshDataDir();
  expect((await runCli(["seed-demo"], { EXTRANET_DATA_DIR: demoDir }, { timeoutMs: 60_000 })).code).toBe(0);
  generatedDir = copyOfDataDir(demoDir);
  const generated = await runCli(
    ["generate", "--tickets", "2000", "--companies", "20"],
    { EXTRANET_DATA_DIR: generatedDir },
    { timeoutMs: 120_000 },
  );
  expect(generated.code).toBe(0);
}, 180_000);

afterAll(async () => {
  await cleanUp();
  for (const database of databases) await database.drop();
});

const count = async (db: ThrowawayDatabase, table: string) =>
  Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n);

describe.concurrent("extranet migrate-to-postgres", { timeout: 120_000 }, () => {
  it("copies the demo data, verifies every table, and a server on the target signs a demo user in, lists the tickets and numbers the next one after them", async () => {
    const target = await throwaway();
    const run = await runCli(
      ["migrate-to-postgres", "--to", target.url],
      { EXTRANET_DATA_DIR: demoDir },
      {
        timeoutMs: 60_000,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^copy ticket: 17\/17 \(100%\)/m);
    expect(run.stdout).toMatch(/^ticket\s+17\s+17\s+ok [0-9a-f]{12}$/m);
    expect(run.stdout).toContain("copied and verified");
    expect(run.stdout).toContain("EXTRANET_ATTACHMENTS_DIR");
    expect(run.stdout).not.toMatch(/^session\s/m);
    expect(await count(target, "session")).toBe(0);

    const file = databaseFile(demoDir);
    // Every SQLite table is in the verification but the full-text index, the migrator's and sessions.
    const verified = [...run.stdout.matchAll(/^(\w+)\s+\d+\s+\d+\s+ok /gm)].map((m) => m[1]).sort();
    const sourceTables = (
      readSqlite(file, (db) =>
        db.prepare("select name from sqlite_master where type = 'table'").pluck().all(),
      ) as string[]
    )
      .filter((name) => !/^sqlite_|_fts(_|$)|^kysely_migration|^session$/.test(name))
      .sort();
    expect(verified).toEqual(sourceTables);
    expect(verified).toEqual(
      expect.arrayContaining([
        "ticket",
        "ticket_event",
        "sla_clock",
        "attachment",
        "audit_log",
        "outbox_message",
        "article",
      ]),
    );
    const ticket = readSqlite(file, (db) =>
      db.prepare("select id, number, subject from ticket order by number limit 1").get(),
    ) as { id: string; number: number; subject: string };
    const events = readSqlite(file, (db) =>
      db.prepare("select id, type from ticket_event where ticket_id = ? order by id").all(ticket.id),
    );
    expect(
      await target.query(
        `select id, type from ticket_event where ticket_id = '${ticket.id}' order by id collate "C"`,
      ),
    ).toEqual(events);
    const clocks = readSqlite(file, (db) =>
      db.prepare("select metric, due_at from sla_clock where ticket_id = ? order by metric").all(ticket.id),
    ) as { metric: string; due_at: number | null }[];
    const targetClocks = await target.query<{ metric: string; due_at: string | null }>(
      `select metric, due_at from sla_clock where ticket_id = '${ticket.id}' order by metric collate "C"`,
    );
    expect(
      targetClocks.map((c) => ({ metric: c.metric, due_at: c.due_at === null ? null : Number(c.due_at) })),
    ).toEqual(clocks);

    const server = await startServer({ DATABASE_URL: target.url, EXTRANET_DATA_DIR: freshDataDir() });
    const cookie = await signIn(server.baseUrl, {
      email: "fernanda.lima@paulistaalimentos.com.br",
      password: DEMO_PASSWORD,
    });
    const list = await fetch(`${server.baseUrl}/api/v1/tickets`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const body = await list.text();
    const ownSubjects = readSqlite(file, (db) =>
      db
        .prepare(
          "select t.subject from ticket t join app_user u on u.company_id = t.company_id where u.email = 'fernanda.lima@paulistaalimentos.com.br' limit 1",
        )
        .pluck()
        .all(),
    ) as string[];
    expect(ownSubjects.length).toBeGreaterThan(0);
    for (const subject of ownSubjects) expect(body).toContain(JSON.stringify(subject).slice(1, -1));

    // The next ticket continues after the highest copied number: the sequence was set after the copy.
    const highest = readSqlite(file, (db) => db.prepare("select max(number) from ticket").pluck().get());
    expect(highest).toBe(1017);
    expect(run.stdout).toMatch(
      /^sequence \S+ticket_number_seq: next 1018, highest ticket\.number 1017 {2}ok$/m,
    );
    const categories = (await (
      await fetch(`${server.baseUrl}/api/v1/categories`, { headers: { cookie } })
    ).json()) as {
      items: { id: string }[];
    };
    const opened = await fetch(`${server.baseUrl}/api/v1/tickets`, {
      method: "POST",
      headers: jsonHeaders(cookie, server),
      body: JSON.stringify({
        categoryId: categories.items[0]?.id,
        subject: "Nota fiscal não foi emitida",
        description: "A nota fiscal do pedido 9101 não foi emitida pela tela FAT0001.",
        screenCode: "FAT0001",
        exampleRecord: "pedido 9101",
        priority: "normal",
      }),
    });
    expect(opened.status, await opened.clone().text()).toBe(201);
    expect(((await opened.json()) as { number: number }).number).toBe(1018);
  });

  it("copies generated data (2000 tickets), then refuses to copy again into the now non-empty target", async () => {
    const target = await throwaway();
    const env = { EXTRANET_DATA_DIR: copyOfDataDir(generatedDir) };
    const run = await runCli(["migrate-to-postgres", "--to", target.url], env, { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ticket\s+2017\s+2017\s+ok /m);
    expect(run.stdout).toMatch(
      /^sequence \S+ticket_number_seq: next 3018, highest ticket\.number 3017 {2}ok$/m,
    );
    const sourceEvents = readSqlite(databaseFile(generatedDir), (db) =>
      db.prepare("select count(*) from ticket_event").pluck().get(),
    );
    expect(await count(target, "ticket_event")).toBe(sourceEvents);
    // A bulk import ends with fresh planner statistics.
    expect(run.stderr).toContain("updating the query planner's statistics");
    expect(
      await target.query(
        "select 1 from pg_stat_user_tables where relname = 'ticket' and last_analyze is not null",
      ),
    ).toHaveLength(1);

    const again = await runCli(["migrate-to-postgres", "--to", target.url], env, { timeoutMs: 60_000 });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/extranet: the target database is not empty: .*ticket \(2017 rows\)/);
    expect(await count(target, "ticket")).toBe(2017);
  });

  it("--verify-only fails, naming the table, when one row differs on the target", async () => {
    const target = await throwaway();
    const env = { EXTRANET_DATA_DIR: copyOfDataDir(demoDir) };
    expect((await runCli(["migrate-to-postgres", "--to", target.url], env, { timeoutMs: 60_000 })).code).toBe(
      0,
    );
    const clean = await runCli(["migrate-to-postgres", "--to", target.url, "--verify-only"], env);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("verified: ");

    await target.query(
      "update ticket set subject = subject || '!' where number = (select min(number) from ticket)",
    );
    // And ticket numbers set back: the next opening would collide with a copied ticket.
    await target.query("select setval('ticket_number_seq', 1010)");
    const tampered = await runCli(["migrate-to-postgres", "--to", target.url, "--verify-only"], env);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stdout).toMatch(/^ticket\s+17\s+17\s+MISMATCH /m);
    expect(tampered.stdout).toMatch(/^company\s+3\s+3\s+ok /m);
    expect(tampered.stdout).toMatch(
      /^sequence \S+ticket_number_seq: next 1011, highest ticket\.number 1017 {2}BEHIND$/m,
    );
    expect(tampered.stderr).toContain("verification failed: ticket differ between SQLite and PostgreSQL; ");
    expect(tampered.stderr).toMatch(/ticket_number_seq would give 1011 again \(ticket\.number holds it\)/);
  });

  it("a copy killed half-way leaves the target empty; running it again copies everything", async () => {
    const target = await throwaway();
    const env = { EXTRANET_DATA_DIR: copyOfDataDir(generatedDir) };
    const child = spawnCli(["migrate-to-postgres", "--to", target.url, "--batch-size", "20"], env);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_c, signal) => resolve(signal)),
    );
    await waitFor(
      () => /copy ticket: [1-9]\d*\/2017/.test(stderr),
      60_000,
      () => `ticket copying in:\n${stderr}`,
    );
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(stderr).not.toContain("copy ticket_event: ");
    // Nothing half-copied stays: the copy is one transaction.
    await waitFor(
      () => true,
      0,
      () => "",
    );
    expect(await count(target, "company")).toBe(0);
    expect(await count(target, "ticket")).toBe(0);

    const again = await runCli(["migrate-to-postgres", "--to", target.url], env, { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(await count(target, "ticket")).toBe(2017);
  });

  it("refuses while a server runs on the SQLite database, copying nothing", async () => {
    const target = await throwaway();
    const env = { EXTRANET_DATA_DIR: copyOfDataDir(demoDir) };
    await startServer(env);
    const run = await runCli(["migrate-to-postgres", "--to", target.url], env, { timeoutMs: 60_000 });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("another extranet server is already running");
    expect(await target.query("select 1 from pg_tables where tablename = 'ticket'")).toEqual([]);
  });
});
