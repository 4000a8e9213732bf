// SQLite is one server process: a second `serve` on the same file refuses to start, while CLI commands
// keep working beside the running server — and writers on both sides wait for each other instead of
// failing with "database is locked".
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { DEMO_PASSWORD } from "../../src/server/seed/demo-data";
import { type ServerProcess, spawnServer, startServer, waitUntilHealthy } from "./server";
import { countRows, databaseFile } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill("SIGTERM");
  expect((await server.exited).code).toBe(0);
}

/** Opens tickets as a demo customer, one after another, until `until` settles; the statuses answered. */
async function openTicketsUntil(server: ServerProcess, until: Promise<unknown>): Promise<number[]> {
  const cookie = await signIn(server.baseUrl, {
    email: "fernanda.lima@paulistaalimentos.com.br",
    password: DEMO_PASSWORD,
  });
  const headers = { cookie, origin: server.baseUrl, "content-type": "application/json" };
  const categories = (await (await fetch(`${server.baseUrl}/api/v1/categories`, { headers })).json()) as {
    items: { id: string }[];
  };
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const statuses: number[] = [];
  while (!done || statuses.length < 5) {
    const response = await fetch(`${server.baseUrl}/api/v1/tickets`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        categoryId: categories.items[0]?.id,
        subject: `Pedido ${statuses.length} não fatura`,
        description: "Ao clicar em Faturar no pedido a tela fecha sem gerar a nota fiscal.",
        screenCode: "ATW0001",
        exampleRecord: `pedido ${1000 + statuses.length}`,
        priority: "normal",
      }),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

describe("one server per SQLite file", { timeout: 120_000 }, () => {
  it("a second serve on the same file exits non-zero with one line; after the first stops, it starts", async () => {
    const dataDir = freshDataDir();
    const first = await startServer({ EXTRANET_DATA_DIR: dataDir, EXTRANET_SEED_DEMO: "false" });

    const second = await runCli(["serve"], { EXTRANET_DATA_DIR: dataDir, EXTRANET_SEED_DEMO: "false" });

    expect(second.code).not.toBe(0);
    expect(second.stderr).toBe(
      `extranet: another extranet server is already running on ${databaseFile(dataDir)}: SQLite serves one process; stop that one first, or run on PostgreSQL (DATABASE_URL) to serve from several\n`,
    );
    expect((await fetch(`${first.baseUrl}/health`)).status).toBe(200);
    await stop(first);

    const third = await spawnServer({ EXTRANET_DATA_DIR: dataDir, EXTRANET_SEED_DEMO: "false" });
    await waitUntilHealthy(third);
    await stop(third);
  });

  it("CLI commands write while the server writes: nobody sees 'database is locked'", async () => {
    const dataDir = freshDataDir();
    const env = { EXTRANET_DATA_DIR: dataDir, EXTRANET_SEED_DEMO: "true" };
    const server = await startServer(env);

    // A long CLI writer (batches of tickets, one transaction each) and short ones, all at once.
    const generate = runCli(["generate", "--tickets", "2400", "--companies", "4"], env, {
      timeoutMs: 90_000,
    });
    const [generated, statuses, company, user, migrated, backedUp] = await Promise.all([
      generate,
      openTicketsUntil(server, generate),
      runCli(["create-company", "--name", "Laticínios Serra Azul Ltda", "--cnpj", "11444777000161"], env),
      runCli(["create-user", "--email", "ops@uno.com.br", "--name", "Operador", "--role", "admin"], env),
      runCli(["migrate"], env),
      runCli(["backup", "--out", path.join(freshDataDir(), "backup.sqlite")], env),
    ]);

    for (const result of [generated, company, user, migrated, backedUp]) {
      expect(result.stderr).not.toContain("database is locked");
      expect(result.code, result.stderr).toBe(0);
    }
    expect(new Set(statuses)).toEqual(new Set([201]));
    expect(server.stdout() + server.stderr()).not.toContain("database is locked");
    await stop(server);
    // The demo's tickets, the generated ones and every ticket the server opened are all there.
    expect(countRows(databaseFile(dataDir), "ticket")).toBeGreaterThanOrEqual(2400 + statuses.length);
  });
});
