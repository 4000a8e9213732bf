// Opens the database the configuration names: an embedded SQLite file or a PostgreSQL pool.
import SQLite from "better-sqlite3";
import { Kysely } from "kysely";
import pg from "pg";
import type { DatabaseConfig } from "../config";
import { namingPool } from "./named-statements";
import { CurrentSchemaPostgresDialect } from "./postgres-introspector";
import type { Database, Db } from "./schema";
import { LockingSqliteDialect } from "./sqlite-dialect";
import { allowDirectReads } from "./sqlite-group-commit";
import { registerTicketRank } from "./sqlite-rank";
import { withStatementCache } from "./statement-cache";
import { listenToSqlite, type StatementListener } from "./statements";
import { prepareSqliteFolder, sqliteOpenFailed } from "./unavailable";

// bigint columns hold epoch milliseconds and counts, both far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface ConnectOptions {
  /** PostgreSQL only: the schema to work in (tests give each run its own). */
  searchPath?: string;
  poolSize?: number;
  /** PostgreSQL: how long a query waits for a free connection before failing (then a 503). */
  poolWaitMs?: number;
  /** PostgreSQL: statements running longer are cancelled by the server. */
  statementTimeoutMs?: number;
  /** Told the SQL of every statement sent, transaction control included (the round-trip tests). */
  onStatement?: StatementListener;
}

export interface Connection {
  db: Db;
  dialect: DatabaseConfig["dialect"];
  /** The raw SQLite handle, for the online backup; undefined on PostgreSQL. */
  sqlite: SQLite.Database | undefined;
  /** PostgreSQL: the schema in use when it is not the default. */
  schema: string | undefined;
  /** PostgreSQL: the pool, for its gauges (connections in use, requests waiting). */
  pool?: pg.Pool | undefined;
}

export function connect(config: DatabaseConfig, options: ConnectOptions = {}): Connection {
  if (config.dialect === "sqlite") {
    const sqlite = openSqlite(config.file);
    const dialect = new LockingSqliteDialect(
      options.onStatement
        ? listenToSqlite(withStatementCache(sqlite), options.onStatement)
        : withStatementCache(sqlite),
    );
    const db = new Kysely<Database>({ dialect });
    if (dialect.driver) allowDirectReads(db, dialect.driver);
    return {
      db,
      dialect: "sqlite",
      sqlite,
      schema: undefined,
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? 10,
    // Bounded waits: a request that cannot get a connection, or whose statement runs away, fails
    // (503 Retry-After) rather than hanging while the pool is exhausted.
    connectionTimeoutMillis: options.poolWaitMs ?? 3000,
    ...(options.statementTimeoutMs !== undefined && { statement_timeout: options.statementTimeoutMs }),
    options: sessionOptions(options.searchPath),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return {
    db: new Kysely<Database>({
      dialect: new CurrentSchemaPostgresDialect({
        pool: namingPool(pool, options.onStatement),
      }),
    }),
    dialect: "postgres",
    sqlite: undefined,
    schema: options.searchPath,
    pool,
  };
}

/**
 * Every session of the pool: no parallel workers. A help desk's statements read a page's worth of
 * index entries; PostgreSQL's generic plan for a search cannot know how many rows the words match
 * (the tsquery comes from a subquery) and estimated thousands, so it started two workers per search —
 * 30 ms of starting processes around 1 ms of work at a million tickets, and worse under load, where
 * every request's workers compete for the same cores. `search_path` when a schema is named (tests).
 */
function sessionOptions(searchPath: string | undefined): string {
  const settings = [
    "max_parallel_workers_per_gather=0",
    ...(searchPath ? [`search_path=${searchPath}`] : []),
  ];
  return settings.map((setting) => `-c ${setting}`).join(" ");
}

/** Opens the file in WAL mode; a folder or file it cannot use is a DatabaseUnavailableError. */
function openSqlite(file: string): SQLite.Database {
  prepareSqliteFolder(file);
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    // NORMAL may lose the last commits on power loss; a help desk must not.
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // Every command runs in a savepoint of the group commit (sqlite-group-commit.ts), and so does every
    // statement that fires a trigger. A savepoint keeps a copy of each page it changes, and a ticket's
    // row changes some twenty (the row, its indexes, its search terms): past 64 KiB SQLite spills those
    // copies to a temporary file, page by page. In memory, a ticket's insert took 78 µs instead of 574
    // in a tight loop, 112 instead of 221 in the server. The sorts SQLite cannot answer from an index
    // (building one in a migration) are kept in memory too.
    sqlite.pragma("temp_store = MEMORY");
    registerTicketRank(sqlite);
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw sqliteOpenFailed(file, error);
  }
}
