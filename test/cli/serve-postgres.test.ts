// Two `extranet serve` processes starting together on one fresh PostgreSQL database: one migration, one seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { migrations } from "../../src/server/db/migrations";
import { demoCompanies, demoStaff } from "../../src/server/seed/demo-data";
import { connectSse } from "../support/sse";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { spawnServer, waitUntilHealthy } from "./server";
import { cleanUp, ensureBuilt, freshDataDir } from "./support";

let database: ThrowawayDatabase | undefined;

beforeAll(async () => {
  await ensureBuilt();
  database = await createThrowawayDatabase();
});

afterAll(async () => {
  await cleanUp();
  await database?.drop();
});

async function count(db: ThrowawayDatabase, query: string): Promise<number> {
  const rows = await db.query<{ n: string }>(query);
  return Number(rows[0]?.n);
}

describe("extranet serve on PostgreSQL", { timeout: 60_000 }, () => {
  it("lets two processes start at once: both healthy, migrations applied once, demo seeded once", async () => {
    if (!database) throw new Error("no throwaway database");
    const env = { DATABASE_URL: database.url, EXTRANET_SEED_DEMO: "true" };

    const servers = await Promise.all([
      spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() }),
      spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() }),
    ]);
    await Promise.all(servers.map((server) => waitUntilHealthy(server, 30_000)));

    for (const server of servers) {
      const health = await fetch(`${server.baseUrl}/health`);
      expect(await health.json()).toEqual({ status: "ok", database: "postgres" });
    }
    expect(await count(database, "select count(*) as n from kysely_migration")).toBe(
      Object.keys(migrations).length,
    );
    expect(await count(database, "select count(*) as n from company")).toBe(3);
    const demoUsers = demoStaff.length + demoCompanies.flatMap((company) => company.users).length;
    expect(await count(database, "select count(*) as n from app_user")).toBe(demoUsers);
    const seeders = servers.filter((server) => server.stdout().includes("Demo logins"));
    expect(seeders).toHaveLength(1);
  });

  it("carries a live event raised on one process to a console connected to the other (LISTEN/NOTIFY)", async () => {
    if (!database) throw new Error("no throwaway database");
    // The database was migrated and seeded by the test above.
    const env = { DATABASE_URL: database.url, EXTRANET_SEED_DEMO: "false" };
    const [a, b] = await Promise.all([
      spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() }),
      spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() }),
    ]);
    await Promise.all([waitUntilHealthy(a, 30_000), waitUntilHealthy(b, 30_000)]);

    const agent = await signIn(b.baseUrl, { email: "juliana.prado@uno.com.br", password: "extranet-demo" });
    const stream = await connectSse(`${b.baseUrl}/api/v1/events`, agent);
    try {
      expect(stream.status).toBe(200);
      await stream.next((m) => m.event === "ready");
      const cookie = await signIn(a.baseUrl, {
        email: "fernanda.lima@paulistaalimentos.com.br",
        password: "extranet-demo",
      });
      const headers = { cookie, origin: a.baseUrl, "content-type": "application/json" };
      const categories = (await (await fetch(`${a.baseUrl}/api/v1/categories`, { headers })).json()) as {
        items: { id: string }[];
      };
      const started = Date.now();
      const created = await fetch(`${a.baseUrl}/api/v1/tickets`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          categoryId: categories.items[0]?.id,
          subject: "E-mail do contato não foi gravado",
          description:
            "Cadastrei o cliente código 100 pela tela ATW0001, mas o e-mail do contato Bruno não foi gravado.",
          screenCode: "ATW0001",
          exampleRecord: "cliente código 100",
          priority: "normal",
        }),
      });
      expect(created.status).toBe(201);
      const { number } = (await created.json()) as { number: number };
      const event = await stream.next(
        (m) => m.event === "ticket.created" && m.data.ticketNumber === number,
        2_000,
      );
      expect(event.data).toMatchObject({ ticketNumber: number, status: "open" });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      stream.close();
    }
  });
});
