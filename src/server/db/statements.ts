// Every statement sent to the database, told to a listener as it is sent: what the round-trip tests
// count (each statement is one round trip on PostgreSQL). Heard where the drivers hand SQL to the
// database — better-sqlite3's prepare, a pg client's query — so transaction control is heard too:
// BEGIN, SAVEPOINT and COMMIT, including those SQLite's group commit sends on its own.
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from "kysely";
import type { GroupCommitDatabase } from "./sqlite-group-commit";

export type StatementListener = (sql: string) => void;

/** The SQLite handle, telling `listener` each statement before it runs (the driver prepares each). */
export function listenToSqlite(
  database: GroupCommitDatabase,
  listener: StatementListener,
): GroupCommitDatabase {
  return {
    close: () => database.close(),
    get inTransaction() {
      return database.inTransaction;
    },
    prepare(sql) {
      listener(sql);
      return database.prepare(sql);
    },
  };
}

/** The PostgreSQL pool as Kysely takes it, telling `listener` each query its clients send. */
export function listenToPostgres(pool: PostgresPool, listener: StatementListener): PostgresPool {
  const wrapped = new WeakMap<PostgresPoolClient, PostgresPoolClient>();
  const listening = (client: PostgresPoolClient): PostgresPoolClient => {
    let wrapper = wrapped.get(client);
    if (!wrapper) {
      // Kysely's overloads (a query, or a cursor for streaming), as one function.
      const query = (sqlOrCursor: string | PostgresCursor<unknown>, parameters?: readonly unknown[]) => {
        if (typeof sqlOrCursor === "string") {
          listener(sqlOrCursor);
          return client.query(sqlOrCursor, parameters ?? []);
        }
        return client.query(sqlOrCursor);
      };
      wrapper = {
        query: query as PostgresPoolClient["query"],
        release: (destroy?: boolean) => client.release(destroy),
      };
      // The same wrapper for the same connection: Kysely keeps its connection object per client.
      wrapped.set(client, wrapper);
    }
    return wrapper;
  };
  return {
    connect: async () => listening(await pool.connect()),
    end: () => pool.end(),
  };
}
