// `extranet restore`: an `extranet backup` file back into an empty data folder, checked, then served.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { DEMO_PASSWORD } from "../../src/server/seed/demo-data";
import { startServer } from "./server";
import { countRows, databaseFile } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

let backup = "";
let demoDir = "";

beforeAll(async () => {
  await ensureBuilt();
  demoDir = freshDataDir();
  expect((await runCli(["seed-demo"], { EXTRANET_DATA_DIR: demoDir }, { timeoutMs: 60_000 })).code).toBe(0);
  backup = path.join(freshDataDir(), "extranet-backup.sqlite");
  expect((await runCli(["backup", "--out", backup], { EXTRANET_DATA_DIR: demoDir })).code).toBe(0);
}, 120_000);

afterAll(cleanUp);

describe.concurrent("extranet restore", { timeout: 60_000 }, () => {
  it("restores a backup into an empty folder with progress and an integrity check; a server on it signs in and lists the tickets", async () => {
    const dataDir = freshDataDir();
    const run = await runCli(["restore", backup], { EXTRANET_DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^restore: \d+\/\d+ pages \(\d+%\)$/m);
    expect(run.stdout).toContain("restore: done (100%), integrity check ok: 17 tickets, ");
    expect(countRows(databaseFile(dataDir), "ticket")).toBe(countRows(databaseFile(demoDir), "ticket"));
    expect(fs.existsSync(`${databaseFile(dataDir)}.restoring`)).toBe(false);

    const server = await startServer({ EXTRANET_DATA_DIR: dataDir });
    const cookie = await signIn(server.baseUrl, {
      email: "fernanda.lima@paulistaalimentos.com.br",
      password: DEMO_PASSWORD,
    });
    const list = await fetch(`${server.baseUrl}/api/v1/tickets`, { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(await list.text()).toMatch(/"number":\d+/);

    // While that server holds the folder, a restore is refused (and would be anyway: it is not empty).
    const again = await runCli(["restore", backup], { EXTRANET_DATA_DIR: dataDir });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("another extranet server is already running");
  });

  it("refuses a folder that already holds a database, leaving it untouched", async () => {
    const run = await runCli(["restore", backup], { EXTRANET_DATA_DIR: demoDir });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toMatch(
      /^extranet: .* already holds a database \(extranet\.sqlite.*restore into an empty data folder/,
    );
    expect(countRows(databaseFile(demoDir), "ticket")).toBe(17);
  });

  it("refuses a file that is not an Extranet SQLite backup, writing nothing", async () => {
    const dataDir = freshDataDir();
    const bogus = path.join(freshDataDir(), "not-a-backup.sqlite");
    fs.writeFileSync(
      bogus,
      "this is not a database, just text long enough to be read as a header".repeat(20),
    );
    const run = await runCli(["restore", bogus], { EXTRANET_DATA_DIR: dataDir });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("is not a SQLite database");
    expect(fs.existsSync(databaseFile(dataDir))).toBe(false);
  });
});
