// A database the CLI cannot reach or open: one line saying what is wrong and a non-zero exit, never a
// stack trace or "Migration unknown failed".
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./server";
import { type CliResult, cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

const adminUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");

/** The whole of stderr is this one line. */
function expectOneLine(result: CliResult, line: string): void {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toBe(`extranet: ${line}\n`);
  expect(result.stdout).not.toMatch(/Migration|\s+at /);
}

describe.concurrent("extranet with a database it cannot use", { timeout: 60_000 }, () => {
  for (const command of ["serve", "migrate"]) {
    it(`${command}: PostgreSQL refusing connections is named with its address`, async () => {
      const port = await freePort();

      const result = await runCli([command], {
        EXTRANET_DATA_DIR: freshDataDir(),
        DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/extranet`,
      });

      expectOneLine(result, `cannot connect to PostgreSQL at 127.0.0.1:${port}: connection refused`);
    });
  }

  it("serve: a PostgreSQL database that does not exist is named", async () => {
    const url = new URL(adminUrl);
    url.pathname = "/extranet_no_such_database";

    const result = await runCli(["serve"], {
      EXTRANET_DATA_DIR: freshDataDir(),
      DATABASE_URL: url.toString(),
    });

    expectOneLine(
      result,
      `cannot connect to PostgreSQL at ${url.hostname}:${url.port || "5432"}: database "extranet_no_such_database" does not exist`,
    );
  });

  it("serve: a SQLite path whose folder cannot be created (a file is in the way)", async () => {
    const dir = freshDataDir();
    fs.writeFileSync(path.join(dir, "not-a-folder"), "x");
    const file = path.join(dir, "not-a-folder", "data", "extranet.sqlite");

    const result = await runCli(["serve"], { EXTRANET_DATA_DIR: dir, DATABASE_URL: `sqlite:${file}` });

    expectOneLine(
      result,
      `cannot open the SQLite database ${file}: cannot create the folder ${path.dirname(file)} (a file is in the way)`,
    );
  });

  it("serve and create-user: a SQLite data folder that is read-only", async () => {
    const dir = freshDataDir();
    const readOnly = path.join(dir, "read-only");
    fs.mkdirSync(readOnly);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(readOnly, 0o555);
    // Root writes anywhere: run as nobody, for whom the folder's permissions hold.
    const runAs = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const file = path.join(readOnly, "extranet.sqlite");

    for (const args of [
      ["serve"],
      ["create-user", "--email", "ops@uno.com.br", "--name", "Operador", "--role", "admin"],
    ]) {
      const result = await runCli(args, { EXTRANET_DATA_DIR: readOnly }, { runAs });

      expectOneLine(
        result,
        `cannot open the SQLite database ${file}: the folder ${readOnly} is not writable`,
      );
    }
    expect(fs.readdirSync(readOnly)).toEqual([]);
  });
});
