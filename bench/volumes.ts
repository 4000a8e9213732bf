// `npm run bench:volumes`: is a page's cost independent of the help desk's size? Runs the bench once
// per volume of generated tickets (about 500 a company at every volume, see tickets-data.ts), each on
// a fresh database, and compares every scenario's requests/s across the volumes: the goal is that
// they stay within 20% of each other (keyset paging, indexes serving every filter, no count over the
// table, no sort of the whole set). Options other than --volumes go to each bench run as they are;
// with `bare` and `me` among --only, each cell also shows the page's share of its limit and its goal.
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "./paths";

const DEFAULT_VOLUMES = [10_000, 100_000, 1_000_000];
const DEFAULT_SCENARIOS = [
  "tickets-list",
  "tickets-deep",
  "tickets-search",
  "ticket-detail",
  "queue-open-due",
  "queue-open-due-deep",
  "queue-counts",
  "queue-rare-screen",
  "queue-rare-tag",
];
/** The largest spread allowed: the slowest volume's requests/s at least 1/1.2 of the fastest's. */
const MAX_SPREAD = 0.2;

interface JsonRow {
  scenario: string;
  requestsPerSecond: number;
  p99Ms: number;
  serverCpuUs: number | null;
  ratioToLimit: number | null;
  verdict: string | null;
  error: string | null;
}

const log = (line: string) => process.stderr.write(`bench:volumes: ${line}\n`);

function parse(argv: string[]): { volumes: number[]; rest: string[] } {
  const { values, tokens } = parseArgs({
    args: argv,
    options: { volumes: { type: "string" }, only: { type: "string", multiple: true } },
    strict: false,
    tokens: true,
  });
  const volumes =
    typeof values.volumes === "string"
      ? values.volumes.split(",").map((volume) => Number(volume.replace(/_/g, "")))
      : DEFAULT_VOLUMES;
  if (volumes.some((volume) => !Number.isInteger(volume) || volume < 1000)) {
    throw new Error(`--volumes takes whole numbers of tickets, 1000 or more: ${String(values.volumes)}`);
  }
  // Everything but --volumes passes through; --only defaults to the pages the goal is about.
  const rest: string[] = [];
  for (const token of tokens ?? []) {
    if (token.kind === "option" && token.name === "volumes") continue;
    if (token.kind === "option")
      rest.push(token.rawName, ...(token.value === undefined ? [] : [token.value]));
    if (token.kind === "positional") rest.push(token.value);
  }
  if (!rest.includes("--only")) rest.push("--only", DEFAULT_SCENARIOS.join(","));
  return { volumes, rest };
}

function runBench(volume: number, args: string[]): Promise<JsonRow[]> {
  log(`${volume.toLocaleString("en-US")} tickets: npm run bench -- ${args.join(" ")} --json`);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(REPO_ROOT, "bench/run.ts"), ...args, "--json"],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, BENCH_TICKETS: String(volume) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", () => {
      try {
        resolve(JSON.parse(output) as JsonRow[]);
      } catch {
        reject(new Error(`the bench at ${volume} tickets printed no JSON report`));
      }
    });
  });
}

async function main(): Promise<number> {
  const { volumes, rest } = parse(process.argv.slice(2));
  const byVolume = new Map<number, JsonRow[]>();
  for (const volume of volumes) byVolume.set(volume, await runBench(volume, rest));
  const scenarios = [...new Set([...byVolume.values()].flatMap((rows) => rows.map((row) => row.scenario)))];
  const header = [
    "scenario",
    ...volumes.map((volume) => `${volume.toLocaleString("en-US")}: req/s (CPU µs, vs limit, goal)`),
    "spread",
    "goal",
    "result",
  ];
  let missed = false;
  const lines = scenarios.map((scenario) => {
    const rows = volumes.map((volume) => byVolume.get(volume)?.find((row) => row.scenario === scenario));
    const rates = rows.map((row) => (row && row.error === null ? row.requestsPerSecond : 0));
    const spread =
      Math.min(...rates) > 0 ? Math.max(...rates) / Math.min(...rates) - 1 : Number.POSITIVE_INFINITY;
    const verdict = spread <= MAX_SPREAD ? "PASS" : "MISS";
    if (verdict === "MISS") missed = true;
    return [
      scenario,
      ...rows.map((row) =>
        !row
          ? "-"
          : row.error !== null
            ? "ERROR"
            : `${Math.round(row.requestsPerSecond).toLocaleString("en-US")} (${[
                `${Math.round(row.serverCpuUs ?? 0)} µs`,
                row.ratioToLimit === null ? undefined : `${Math.round(row.ratioToLimit * 100)}%`,
                row.verdict ?? undefined,
              ]
                .filter(Boolean)
                .join(", ")})`,
      ),
      Number.isFinite(spread) ? `${Math.round(spread * 100)}%` : "-",
      `within ${Math.round(MAX_SPREAD * 100)}%`,
      verdict,
    ];
  });
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  process.stdout.write(
    `Requests/s by volume of generated tickets (${rest.join(" ")})\n\n${format(header)}\n${format(widths.map((w) => "-".repeat(w)))}\n${lines.map(format).join("\n")}\n`,
  );
  return missed && rest.includes("--strict") ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
