// `extranet --help`, unknown commands and missing options: commander's answers, before any database work.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe.concurrent("extranet command line", () => {
  it("lists every command with --help and exits 0", async () => {
    const result = await runCli(["--help"], { EXTRANET_DATA_DIR: freshDataDir() });

    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate", "seed-demo", "create-company", "create-user", "backup"]) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("rejects an unknown command on stderr with a non-zero exit", async () => {
    const result = await runCli(["frobnicate"], { EXTRANET_DATA_DIR: freshDataDir() });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stdout).toBe("");
  });

  it("rejects a missing required option before touching the database", async () => {
    const dataDir = freshDataDir();

    const result = await runCli(["create-company", "--name", "Acme Ltda"], { EXTRANET_DATA_DIR: dataDir });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("required option '--cnpj <cnpj>' not specified");
    expect(fs.existsSync(path.join(dataDir, "extranet.sqlite"))).toBe(false);
  });

  it("rejects a role outside the list, naming the allowed ones", async () => {
    const result = await runCli(
      ["create-user", "--email", "a@acme.com.br", "--name", "Ana", "--role", "boss"],
      { EXTRANET_DATA_DIR: freshDataDir() },
    );

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("argument 'boss' is invalid");
    expect(result.stderr).toContain("customer, customer_admin, agent, supervisor, admin");
  });
});
