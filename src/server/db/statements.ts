// Every statement sent to the database, told to a listener as it is sent: what the round-trip tests
// count (each statement is one round trip on PostgreSQL). Heard where the drivers hand SQL to the
// database — better-sqlite3's prepare here, a pg client's query in named-statements.ts — so
// transaction control is heard too:
// BEGIN, SAVEPOINT and COMMIT, including those SQLite's group commit sends on its own.
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
