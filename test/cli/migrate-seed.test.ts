// `extranet migrate` and `extranet seed-demo`: each does its work once and says so.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../src/server/db/migrations";
import { DEMO_PASSWORD, demoCompanies, demoStaff } from "../../src/server/seed/demo-data";
import { countRows, databaseFile, readSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

const demoEmails = [...demoStaff, ...demoCompanies.flatMap((company) => company.users)].map((u) => u.email);

describe.concurrent("extranet migrate and seed-demo", () => {
  it("creates the database on a fresh dir, names what it applied, then says it is up to date", async () => {
    const dataDir = freshDataDir();
    const env = { EXTRANET_DATA_DIR: dataDir };

    const first = await runCli(["migrate"], env);

    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(`applied: ${Object.keys(migrations).join(", ")}`);
    expect(fs.existsSync(databaseFile(dataDir))).toBe(true);
    expect(countRows(databaseFile(dataDir), "kysely_migration")).toBe(Object.keys(migrations).length);

    const second = await runCli(["migrate"], env);

    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe("database is up to date");
  });

  it("prints the demo logins once, stores argon2id hashes, and does nothing the second time", async () => {
    const dataDir = freshDataDir();
    const env = { EXTRANET_DATA_DIR: dataDir };

    const first = await runCli(["seed-demo"], env);

    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Demo logins (password for all: ${DEMO_PASSWORD})`);
    for (const email of demoEmails) expect(first.stdout).toContain(email);
    const users = readSqlite(databaseFile(dataDir), (db) =>
      db.prepare("select email, password_hash from app_user order by email").all(),
    ) as { email: string; password_hash: string | null }[];
    expect(users.map((u) => u.email)).toEqual([...demoEmails].sort());
    for (const user of users) expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const companies = readSqlite(databaseFile(dataDir), (db) =>
      db.prepare("select cnpj from company order by cnpj").pluck().all(),
    );
    expect(companies).toEqual(demoCompanies.map((c) => c.cnpj).sort());

    const second = await runCli(["seed-demo"], env);

    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe("demo data already present: nothing done");
    expect(countRows(databaseFile(dataDir), "company")).toBe(demoCompanies.length);
    expect(countRows(databaseFile(dataDir), "app_user")).toBe(demoEmails.length);
  });
});
