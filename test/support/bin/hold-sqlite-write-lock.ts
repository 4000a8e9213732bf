// A separate process that takes a SQLite file's write lock, says "locked", holds it for the given
// milliseconds and commits: another process's writer must wait for it, not fail.
import SQLite from "better-sqlite3";

const [file, holdMs] = process.argv.slice(2);
if (!file || !holdMs) throw new Error("usage: hold-sqlite-write-lock.ts <sqlite file> <milliseconds>");
const db = new SQLite(file);
db.exec("begin immediate");
db.prepare("insert into probe (writer) values ('other process')").run();
process.stdout.write("locked\n");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
db.exec("commit");
db.close();
