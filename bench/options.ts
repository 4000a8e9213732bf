// The bench's command line: what to measure, for how long, on which database, and how to report.
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_POSTGRES_URL, type Dialect } from "./database";

export interface BenchOptions {
  json: boolean;
  durationSeconds: number;
  /** Every scenario is measured this many times, interleaved; the report shows medians. */
  rounds: number;
  dialect: Dialect;
  /** The PostgreSQL database the throwaway one is created from. */
  postgresUrl: string;
  /** Scenario names; empty means all. */
  only: string[];
  /** Exit 1 when a goal is missed. */
  strict: boolean;
  /** Extranet processes per server, behind HAProxy when more than one (PostgreSQL only). */
  nodes: number;
  /** Where the servers write V8 CPU profiles, if anywhere. */
  cpuProfDir: string | undefined;
  /** Where the servers write the time each SQLite statement took (statement-times.mjs), if anywhere. */
  statementTimesDir: string | undefined;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --duration <s>       seconds of load per scenario, after a 1 s warm-up (default 8)
  --rounds <n>         measure every scenario n times, interleaved, and report medians
                       (default 1; 3 or more when other work shares the machine)
  --dialect <d>        sqlite (default) or postgres (uses DATABASE_URL, default
                       ${DEFAULT_POSTGRES_URL}, to create a throwaway database)
  --nodes <n>          run every Extranet server as n processes on the same database behind
                       HAProxy (default 1; more needs --dialect postgres and haproxy installed)
  --only <names>       measure only these scenarios (comma-separated or repeated)
  --json               print only a JSON array to stdout; progress goes to stderr
  --strict             exit 1 when a scenario misses its goal
  --cpu-prof <dir>     run the servers with --cpu-prof, writing the profiles into <dir>
  --statement-times <dir>
                       time every SQLite statement the servers run; each writes
                       <dir>/statements-<pid>.tsv when it stops (costliest first)
  --help               show this text
`;

export class UsageError extends Error {}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const values = parseFlags(argv);
  const durationSeconds = Number(values.duration);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1) {
    throw new UsageError(`--duration must be a whole number of seconds, not ${values.duration}`);
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new UsageError(`--rounds must be a whole number, not ${values.rounds}`);
  }
  if (values.dialect !== "sqlite" && values.dialect !== "postgres") {
    throw new UsageError(`--dialect must be sqlite or postgres, not ${values.dialect}`);
  }
  const nodes = Number(values.nodes);
  if (!Number.isInteger(nodes) || nodes < 1) {
    throw new UsageError(`--nodes must be a whole number, not ${values.nodes}`);
  }
  if (nodes > 1 && values.dialect !== "postgres") {
    throw new UsageError(
      `--nodes ${nodes} needs --dialect postgres: SQLite is one file that only one server process may write`,
    );
  }
  const postgresUrl = env.DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  if (values.dialect === "postgres" && !/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new UsageError("--dialect postgres needs DATABASE_URL to be a postgres:// URL");
  }
  return {
    json: values.json,
    durationSeconds,
    rounds,
    nodes,
    dialect: values.dialect,
    postgresUrl,
    only: values.only
      .flatMap((list) => list.split(","))
      .map((name) => name.trim())
      .filter(Boolean),
    strict: values.strict,
    cpuProfDir: values["cpu-prof"] === undefined ? undefined : path.resolve(values["cpu-prof"]),
    statementTimesDir:
      values["statement-times"] === undefined ? undefined : path.resolve(values["statement-times"]),
    help: values.help,
  };
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        json: { type: "boolean", default: false },
        duration: { type: "string", default: "8" },
        rounds: { type: "string", default: "1" },
        nodes: { type: "string", default: "1" },
        dialect: { type: "string", default: "sqlite" },
        only: { type: "string", multiple: true, default: [] },
        strict: { type: "boolean", default: false },
        "cpu-prof": { type: "string" },
        "statement-times": { type: "string" },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    // Unknown or malformed flags: node's message names the flag.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
