// `extranet serve` with a bad environment: it must stop at once and name the variable, not start half-way.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe.concurrent("extranet serve with an invalid environment", () => {
  it("refuses PORT=abc, naming PORT", async () => {
    const dataDir = freshDataDir();

    const result = await runCli(["serve"], { EXTRANET_DATA_DIR: dataDir, PORT: "abc" });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Invalid configuration in the environment");
    expect(result.stderr).toMatch(/^\s+PORT: /m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(dataDir, "extranet.sqlite"))).toBe(false);
  });

  it("refuses a DATABASE_URL that is neither PostgreSQL nor SQLite, naming DATABASE_URL", async () => {
    const result = await runCli(["serve"], { EXTRANET_DATA_DIR: freshDataDir(), DATABASE_URL: "mysql://x" });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^\s+DATABASE_URL: must start with postgres:\/\//m);
  });
});
