// Preloaded into a server (`node --import`) by `npm run bench -- --statement-times <dir>`: times every
// SQLite statement the process runs through better-sqlite3's `run`, `get` and `all` and, when the
// process exits, writes one line per statement to
// <dir>/statements-<pid>.tsv, the costliest first: total ms, calls, µs per call, the SQL. The time is
// wall time inside the call, which on one connection is the statement's own. PostgreSQL servers
// write nothing: their statements run in PostgreSQL, whose CPU the bench already reports.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const directory = process.env.BENCH_STATEMENT_TIMES_DIR;
if (directory) {
  /** SQL → [total ns, calls] */
  const times = new Map();
  /** Statement → its SQL with whitespace folded, worked out once and not on every call. */
  const sqlOf = new WeakMap();
  // The very module instance the server imports: an ES import of a CommonJS package shares its cache.
  const Database = createRequire(import.meta.url)("better-sqlite3");
  const prepare = Database.prototype.prepare;
  let patched = false;
  Database.prototype.prepare = function timedPrepare(...args) {
    const statement = prepare.apply(this, args);
    if (!patched) {
      patched = true;
      const prototype = Object.getPrototypeOf(statement);
      for (const method of ["run", "get", "all"]) {
        const original = prototype[method];
        prototype[method] = function timed(...parameters) {
          const started = process.hrtime.bigint();
          try {
            return original.apply(this, parameters);
          } finally {
            const elapsed = Number(process.hrtime.bigint() - started);
            let sql = sqlOf.get(this);
            if (sql === undefined) {
              sql = this.source.replace(/\s+/g, " ").trim();
              sqlOf.set(this, sql);
            }
            const entry = times.get(sql);
            if (entry) {
              entry[0] += elapsed;
              entry[1] += 1;
            } else times.set(sql, [elapsed, 1]);
          }
        };
      }
    }
    return statement;
  };
  process.on("exit", () => {
    if (times.size === 0) return;
    const lines = [...times]
      .sort((a, b) => b[1][0] - a[1][0])
      .map(([sql, [ns, calls]]) =>
        [(ns / 1e6).toFixed(1), calls, (ns / calls / 1000).toFixed(1), sql].join("\t"),
      );
    writeFileSync(
      path.join(directory, `statements-${process.pid}.tsv`),
      `total_ms\tcalls\tus_per_call\tsql\n${lines.join("\n")}\n`,
    );
  });
}
