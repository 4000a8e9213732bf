// A throwaway PostgreSQL database per test, so CLI processes that migrate never touch the shared `test` one.
import pg from "pg";
import { type Config, loadConfig } from "../../src/server/config";
import { TEST_ORIGIN } from "../support/app";
import { freshDataDir } from "./support";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface ThrowawayDatabase {
  url: string;
  /** Runs one query on it and returns the rows. */
  query<Row extends pg.QueryResultRow>(text: string): Promise<Row[]>;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `extranet_cli_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: async <Row extends pg.QueryResultRow>(text: string) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query<Row>(text)).rows;
      } finally {
        await client.end();
      }
    },
    // `with (force)` ends connections a killed server may have left behind.
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

/** The configuration of an in-process server on `database`: a fresh data folder, no demo, no logs. */
export function throwawayConfig(database: ThrowawayDatabase): Config {
  return loadConfig({
    DATABASE_URL: database.url,
    EXTRANET_DATA_DIR: freshDataDir(),
    EXTRANET_PUBLIC_URL: TEST_ORIGIN,
    EXTRANET_SEED_DEMO: "false",
    LOG_LEVEL: "silent",
  });
}
