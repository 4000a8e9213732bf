// `extranet backup`: SQLite's online backup API, safe while the server runs; progress on stderr.
import fs from "node:fs";
import path from "node:path";
import type { Connection } from "../db/connect";
import { CliError } from "./errors";

export async function backupSqlite(
  connection: Connection,
  out: string,
  log: (line: string) => void,
): Promise<void> {
  const sqlite = connection.sqlite;
  if (!sqlite) throw new CliError("backup works on SQLite only");
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new CliError(`${target} already exists; choose another file`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await sqlite.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      const done = totalPages - remainingPages;
      log(`backup: ${done}/${totalPages} pages (${Math.round((100 * done) / Math.max(1, totalPages))}%)`);
      // Pages per step; returning 0 would stop the backup for good (it hangs).
      return 200;
    },
  });
  log(`backup: done (100%), written to ${target} (${fs.statSync(target).size} bytes)`);
}
