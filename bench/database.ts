// A throwaway database per run: a fresh SQLite data directory, or a fresh PostgreSQL database.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Dialect = "sqlite" | "postgres";

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

export interface BenchDatabase {
  dialect: Dialect;
  /** What the Extranet server needs in its environment to use this database. */
  env: Record<string, string>;
  /** Removes the data directory and, on PostgreSQL, drops the database. Call after the servers stop. */
  drop: () => Promise<void>;
}

/**
 * The data directory is always fresh, also on PostgreSQL, so that nothing lands in ./data.
 * `adminUrl` is a PostgreSQL database to connect to while creating and dropping the bench's own.
 */
export async function createBenchDatabase(dialect: Dialect, adminUrl: string): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "extranet-bench-"));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  if (dialect === "sqlite") {
    return { dialect, env: { EXTRANET_DATA_DIR: dataDir }, drop: removeDataDir };
  }
  try {
    const database = await createPostgresDatabase(adminUrl);
    return {
      dialect,
      env: { EXTRANET_DATA_DIR: dataDir, DATABASE_URL: database.url },
      drop: async () => {
        await database.drop();
        await removeDataDir();
      },
    };
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}

/**
 * BENCH_PG_TEMPLATE names a PostgreSQL database that already holds the demo seed and the generated
 * tickets (`extranet seed-demo` then `extranet generate` with the same BENCH_TICKETS and
 * BENCH_COMPANIES): each run's database is a copy of it (`CREATE DATABASE … TEMPLATE`), and the
 * tickets are not generated again — a million take minutes to write, a copy of them seconds.
 */
export const POSTGRES_TEMPLATE = process.env.BENCH_PG_TEMPLATE || undefined;

// The server has no schema option, so isolation is a database of its own on the same cluster.
async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `extranet_bench_${randomBytes(4).toString("hex")}`;
  const template = POSTGRES_TEMPLATE ? ` TEMPLATE "${POSTGRES_TEMPLATE.replaceAll('"', '""')}"` : "";
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
