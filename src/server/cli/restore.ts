// `extranet restore <file>`: puts an `extranet backup` file back as the SQLite database of an empty
// data folder, page by page with progress, checks it (`pragma integrity_check`) and only then gives
// it the database's name, so a failed restore never leaves a half-written database behind.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { loadConfig } from "../config";
import { lockSqliteServer } from "../db/sqlite-server-lock";
import { err, out } from "./context";
import { CliError } from "./errors";

export async function restoreCommand(file: string): Promise<void> {
  const config = loadConfig(process.env);
  if (config.database.dialect !== "sqlite")
    throw new CliError(
      'DATABASE_URL points at PostgreSQL: restore a pg_dump file with pg_restore (e.g. pg_restore -d "$DATABASE_URL" extranet.dump)',
    );
  const backup = path.resolve(file);
  if (!fs.existsSync(backup)) throw new CliError(`${backup} does not exist`);
  const database = config.database.file;
  // A server holding the folder refuses the restore here, and none can start during it.
  const lock = lockSqliteServer(database);
  try {
    const present = [database, `${database}-wal`, `${database}-journal`].filter((f) => fs.existsSync(f));
    if (present.length > 0)
      throw new CliError(
        `${path.dirname(database)} already holds a database (${present.map((f) => path.basename(f)).join(", ")}); restore into an empty data folder (EXTRANET_DATA_DIR)`,
      );
    const source = openBackup(backup);
    const partial = `${database}.restoring`;
    fs.rmSync(partial, { force: true });
    try {
      await source.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          const done = totalPages - remainingPages;
          err(
            `restore: ${done}/${totalPages} pages (${Math.round((100 * done) / Math.max(1, totalPages))}%)`,
          );
          return 200;
        },
      });
    } finally {
      source.close();
    }
    const restored = new SQLite(partial);
    let summary: string;
    try {
      const integrity = restored.pragma("integrity_check", { simple: true });
      if (integrity !== "ok")
        throw new CliError(`the restored database fails its integrity check: ${integrity}`);
      const count = (table: string) =>
        (restored.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      summary = `${count("ticket")} tickets, ${count("app_user")} users, ${count("company")} companies`;
    } catch (error) {
      restored.close();
      fs.rmSync(partial, { force: true });
      throw error;
    }
    restored.close();
    fs.renameSync(partial, database);
    out(`restore: done (100%), integrity check ok: ${summary} in ${database}`);
    out(`attachments: their files are not in the backup; copy them into ${config.attachmentsDir}`);
  } finally {
    lock.release();
  }
}

/** The backup must be a sound Extranet SQLite database before anything is written. */
function openBackup(file: string): SQLite.Database {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") {
      db.close();
      throw new CliError(`${file} fails its integrity check: ${integrity}`);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} is not a SQLite database: ${error instanceof Error ? error.message : error}`);
  }
  const extranet = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!extranet) {
    db.close();
    throw new CliError(`${file} is not an Extranet backup (no kysely_migration table)`);
  }
  return db;
}
