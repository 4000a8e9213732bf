// `npm run bench -- --statement-times <dir>` preloads bench/statement-times.mjs into the servers: every
// SQLite statement a process runs is timed, and the process writes them out as it exits.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../bench/paths";

const PRELOAD = path.join(REPO_ROOT, "bench", "statement-times.mjs");
// A process that imports better-sqlite3 as the server does (an ES import) and runs three statements.
const SCRIPT = `
import Database from "better-sqlite3";
const db = new Database(":memory:");
db.prepare("create table t (n integer)").run();
const insert = db.prepare("insert into t (n) values (?)");
for (let n = 0; n < 5; n++) insert.run(n);
const total = db.prepare("select sum(n) as s from t").get();
if (total.s !== 10) throw new Error("wrong sum");
`;

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

function run(env: Record<string, string>, script = SCRIPT) {
  const result = spawnSync(process.execPath, [`--import=${PRELOAD}`, "--input-type=module", "-e", script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result;
}

describe("the bench's statement times", () => {
  it("writes each statement's calls and time, costliest first, when the process exits", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-statements-"));
    directories.push(directory);
    const { pid } = run({ BENCH_STATEMENT_TIMES_DIR: directory });
    const [header, ...lines] = fs
      .readFileSync(path.join(directory, `statements-${pid}.tsv`), "utf8")
      .trimEnd()
      .split("\n");
    expect(header).toBe("total_ms\tcalls\tus_per_call\tsql");
    const rows = lines.map((line) => line.split("\t"));
    const calls = Object.fromEntries(rows.map(([, count, , sql]) => [sql, Number(count)]));
    expect(calls).toEqual({
      "create table t (n integer)": 1,
      "insert into t (n) values (?)": 5,
      "select sum(n) as s from t": 1,
    });
    const totals = rows.map(([total]) => Number(total));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it("leaves better-sqlite3 untouched without a directory", () => {
    const probe = `
import Database from "better-sqlite3";
const statement = new Database(":memory:").prepare("select 1");
process.stdout.write([Object.getPrototypeOf(statement).run.name, Database.prototype.prepare.name].join(" "));
`;
    expect(run({ BENCH_STATEMENT_TIMES_DIR: "" }, probe).stdout).toBe("run prepare");
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-statements-"));
    directories.push(directory);
    expect(run({ BENCH_STATEMENT_TIMES_DIR: directory }, probe).stdout).toBe("timed timedPrepare");
  });
});
