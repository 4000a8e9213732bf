// Reads a SQLite file the CLI wrote, read-only, so the tests check what is really on disk.
import path from "node:path";
import SQLite from "better-sqlite3";

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, "extranet.sqlite");
}

/** Opens `file` read-only (it must exist), runs `read`, closes. */
export function readSqlite<T>(file: string, read: (db: SQLite.Database) => T): T {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Opens `file` for writing (it must exist), runs `write`, closes: a test's setup the CLI has no command for. */
export function writeSqlite<T>(file: string, write: (db: SQLite.Database) => T): T {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    return write(db);
  } finally {
    db.close();
  }
}

export function countRows(file: string, table: string): number {
  return readSqlite(file, (db) => {
    const row = db.prepare(`select count(*) as n from ${table}`).get() as { n: number };
    return row.n;
  });
}
