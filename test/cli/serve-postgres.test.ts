// Two `extranet serve` processes starting together on one fresh PostgreSQL database: one migration, one seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../src/server/db/migrations";
import { demoCompanies, demoStaff } from "../../src/server/seed/demo-data";
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
});
