// Demo accounts (their password is in the README) are seeded by default only on the embedded SQLite
// quick start; a production database (PostgreSQL, or a public URL) gets them only when asked, and
// until it has an account, each start says how to create the first admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/seed/demo-data";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { freePort, login, type ServerProcess, spawnServer, waitUntilHealthy } from "./server";
import { countRows, databaseFile } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

const databases: ThrowawayDatabase[] = [];
beforeAll(ensureBuilt);
afterAll(async () => {
  await cleanUp();
  for (const database of databases) await database.drop();
});

const FIRST_ADMIN = "No accounts yet. Create the first administrator";
const CREATE_ADMIN = /npx extranet create-user --role admin .*--password-stdin/;

/** Seeding hashes a dozen passwords: with other suites on the CPU, allow it time. */
async function startServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const server = await spawnServer(env, port);
  await waitUntilHealthy(server, 60_000);
  return server;
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill("SIGTERM");
  expect((await server.exited).code).toBe(0);
}

async function count(database: ThrowawayDatabase, table: string): Promise<number> {
  const rows = await database.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows[0]?.n);
}

describe.concurrent("which first start seeds the demo", { timeout: 90_000 }, () => {
  it("the SQLite quick start seeds it and prints the logins, with no variable set", async () => {
    const dataDir = freshDataDir();

    const server = await startServer({ EXTRANET_DATA_DIR: dataDir });

    expect(server.stdout()).toContain(`Demo logins (password for all: ${DEMO_PASSWORD})`);
    expect(server.stdout()).not.toContain(FIRST_ADMIN);
    await stop(server);
  });

  it("SQLite with EXTRANET_PUBLIC_URL seeds nothing and says how to create the first admin, until one exists", async () => {
    const dataDir = freshDataDir();
    // The public URL is where this test reaches it, so that sign-ins pass the origin check.
    const port = await freePort();
    const env = { EXTRANET_DATA_DIR: dataDir, EXTRANET_PUBLIC_URL: `http://127.0.0.1:${port}` };

    const first = await startServer(env, port);

    expect(first.stdout()).not.toContain("Demo logins");
    expect(first.stdout()).toContain(FIRST_ADMIN);
    expect(first.stdout()).toMatch(CREATE_ADMIN);
    expect((await login(first, "renata.albuquerque@uno.com.br", DEMO_PASSWORD)).status).toBe(401);
    expect(countRows(databaseFile(dataDir), "company")).toBe(0);

    // The instructions work while the server runs, and the next start has nothing to say.
    const created = await runCli(
      [
        "create-user",
        "--role",
        "admin",
        "--email",
        "ops@uno.com.br",
        "--name",
        "Operador",
        "--password-stdin",
      ],
      env,
      { stdin: "uma senha longa o bastante\n" },
    );
    expect(created.code, created.stderr).toBe(0);
    expect((await login(first, "ops@uno.com.br", "uma senha longa o bastante")).status).toBe(200);
    await stop(first);
    const second = await startServer(env, port);
    expect(second.stdout()).not.toContain(FIRST_ADMIN);
    await stop(second);
  });

  it("PostgreSQL seeds nothing without EXTRANET_SEED_DEMO=true and says how to create the first admin", async () => {
    const database = await createThrowawayDatabase();
    databases.push(database);

    const server = await startServer({ EXTRANET_DATA_DIR: freshDataDir(), DATABASE_URL: database.url });

    expect(server.stdout()).not.toContain("Demo logins");
    expect(server.stdout()).toContain(FIRST_ADMIN);
    expect(server.stdout()).toMatch(CREATE_ADMIN);
    expect(await count(database, "app_user")).toBe(0);
    expect(await count(database, "company")).toBe(0);
    await stop(server);
  });

  it("PostgreSQL seeds the demo when EXTRANET_SEED_DEMO=true is given explicitly", async () => {
    const database = await createThrowawayDatabase();
    databases.push(database);

    const server = await startServer({
      EXTRANET_DATA_DIR: freshDataDir(),
      DATABASE_URL: database.url,
      EXTRANET_SEED_DEMO: "true",
    });

    expect(server.stdout()).toContain(`Demo logins (password for all: ${DEMO_PASSWORD})`);
    expect(server.stdout()).not.toContain(FIRST_ADMIN);
    expect((await login(server, "renata.albuquerque@uno.com.br", DEMO_PASSWORD)).status).toBe(200);
    await stop(server);
  });
});
