// `extranet backup`: an online copy of the SQLite file; it never overwrites, and points PostgreSQL to pg_dump.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCompanies, demoStaff } from "../../src/server/seed/demo-data";
import { createThrowawayDatabase } from "./postgres";
import { countRows, databaseFile, readSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

const demoUserCount = demoStaff.length + demoCompanies.flatMap((company) => company.users).length;

// Child processes share the CPU with each other (and with other suites): generous, bounded time.
describe.concurrent("extranet backup", { timeout: 60_000 }, () => {
  it("writes a valid SQLite copy holding the same users, reporting progress", async () => {
    const dataDir = freshDataDir();
    const env = { EXTRANET_DATA_DIR: dataDir };
    expect((await runCli(["seed-demo"], env)).code).toBe(0);
    const out = path.join(freshDataDir(), "nested", "extranet-backup.sqlite");

    const result = await runCli(["backup", "--out", out], env);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^backup: \d+\/\d+ pages \(\d+%\)$/m);
    expect(result.stderr).toContain(`backup: done (100%), written to ${out} (`);
    const integrity = readSqlite(out, (db) => db.pragma("integrity_check", { simple: true }));
    expect(integrity).toBe("ok");
    const emails = (file: string) =>
      readSqlite(file, (db) => db.prepare("select email from app_user order by email").pluck().all());
    expect(countRows(out, "app_user")).toBe(demoUserCount);
    expect(emails(out)).toEqual(emails(databaseFile(dataDir)));
  });

  it("refuses to overwrite an existing file, saying why in one line", async () => {
    const env = { EXTRANET_DATA_DIR: freshDataDir() };
    const out = path.join(freshDataDir(), "precious.txt");
    fs.writeFileSync(out, "keep me");

    const result = await runCli(["backup", "--out", out], env);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${out} already exists; choose another file`);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    // An expected refusal is a message for the operator, not a crash: no "Error:", no stack trace.
    expect(result.stderr.trim()).toBe(`extranet: ${out} already exists; choose another file`);
  });

  it("on PostgreSQL exits non-zero and points to pg_dump, writing nothing", async () => {
    const database = await createThrowawayDatabase();
    try {
      const out = path.join(freshDataDir(), "backup.sqlite");

      const result = await runCli(["backup", "--out", out], {
        EXTRANET_DATA_DIR: freshDataDir(),
        DATABASE_URL: database.url,
      });

      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("this server runs on PostgreSQL: back it up with pg_dump");
      expect(fs.existsSync(out)).toBe(false);
      // It got as far as connecting and migrating: the refusal is the only failure.
      const applied = await database.query<{ n: string }>("select count(*) as n from kysely_migration");
      expect(Number(applied[0]?.n)).toBeGreaterThan(0);
    } finally {
      await database.drop();
    }
  });
});
