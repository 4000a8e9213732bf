// The database matrix: every API test file gets its own fresh SQLite file, or its own PostgreSQL
// schema when EXTRANET_TEST_DB=postgres (TEST_DATABASE_URL, default the local `test` database).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseConfig } from "../../src/server/config";

export const testDialect: "sqlite" | "postgres" =
  process.env.EXTRANET_TEST_DB === "postgres" ? "postgres" : "sqlite";

export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  config: DatabaseConfig;
  /** PostgreSQL: the schema this test owns. */
  searchPath: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-test-"));
  if (testDialect === "sqlite") {
    return {
      config: { dialect: "sqlite", file: path.join(dataDir, "extranet.sqlite") },
      searchPath: undefined,
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create schema ${schema}`);
  return {
    config: { dialect: "postgres", url: testPostgresUrl },
    searchPath: schema,
    dataDir,
    drop: async () => {
      await adminQuery(`drop schema if exists ${schema} cascade`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
