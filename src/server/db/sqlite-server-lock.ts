// SQLite serves one process: `serve` holds an exclusive SQLite lock on a small file beside the database
// for as long as it runs, so a second `serve` on the same database refuses to start. CLI commands
// (migrate, backup, create-user…) never take it. The operating system drops the lock when the
// process ends, however it ends, so a crashed server leaves nothing to clean up; the file stays
// (deleting it could let two servers lock two different files).
import SQLite from "better-sqlite3";
import { CliError } from "../cli/errors";
import { prepareSqliteFolder } from "./unavailable";

export interface SqliteServerLock {
  release(): void;
}

export function lockSqliteServer(databaseFile: string): SqliteServerLock {
  prepareSqliteFolder(databaseFile);
  const lock = new SQLite(`${databaseFile}.serve-lock`, { timeout: 0 });
  try {
    // No journal file beside it: the lock is all this database is for.
    lock.pragma("journal_mode = MEMORY");
    lock.exec("begin exclusive");
  } catch (error) {
    lock.close();
    if (error instanceof SQLite.SqliteError && error.code.startsWith("SQLITE_BUSY")) {
      throw new CliError(
        `another extranet server is already running on ${databaseFile}: SQLite serves one process; stop that one first, or run on PostgreSQL (DATABASE_URL) to serve from several`,
      );
    }
    throw error;
  }
  return {
    release: () => {
      lock.exec("rollback");
      lock.close();
    },
  };
}
