// `npm run bench`: measures every scenario against servers in child processes and reports the figures.
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Cleanup, createCleanup } from "./cleanup";
import { createBenchDatabase } from "./database";
import { createMeasurer, type ScenarioFigures } from "./measure";
import { medianFigures } from "./median";
import { type BenchOptions, parseOptions, USAGE, UsageError } from "./options";
import { REPO_ROOT } from "./paths";
import { buildRows, formatJson, formatTable, type Measurement } from "./report";
import { selectScenarios } from "./scenarios";
import { createServerPool } from "./servers";
import { GENERATED_HISTORY, GENERATED_TICKETS } from "./tickets-data";
import type { Figures, LoadSettings, Scenario } from "./types";

const BASELINE_SERVER = "bare";

/** The same load for every scenario, so that their figures compare. */
const LOAD = { connections: 20, pipelining: 1, warmupSeconds: 1 };

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const scenarios = selectScenarios(options.only);
  const settings: LoadSettings = { ...LOAD, durationSeconds: options.durationSeconds };
  warnIfBusy();
  const cleanup = createCleanup(log);
  try {
    const measurements = await measureAll(scenarios, options, settings, cleanup);
    const rows = buildRows(measurements, options.dialect);
    process.stdout.write(options.json ? formatJson(rows) : formatTable(rows, title(options, settings)));
    // The table shows the verdicts; in JSON mode they go to stderr beside the progress lines.
    if (options.json) {
      for (const row of rows) if (row.verdict) log(`goal of ${row.scenario}: ${row.goal}: ${row.verdict}`);
    }
    const missed = rows.some((row) => row.verdict === "MISS");
    const errored = rows.filter((row) => row.error !== null);
    for (const row of errored) log(`${row.scenario} failed: ${row.error}`);
    if (errored.length > 0) return 1;
    return options.strict && missed ? 1 : 0;
  } finally {
    await cleanup.run();
    // The servers write their statements' times as they exit, which stopping them just did.
    if (options.statementTimesDir) log(`statement times: ${options.statementTimesDir}/statements-*.tsv`);
  }
}

async function measureAll(
  scenarios: Scenario[],
  options: BenchOptions,
  settings: LoadSettings,
  cleanup: Cleanup,
): Promise<Measurement[]> {
  const nodeFlags = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  if (options.cpuProfDir) await mkdir(options.cpuProfDir, { recursive: true });
  if (options.statementTimesDir) {
    await mkdir(options.statementTimesDir, { recursive: true });
    nodeFlags.push(`--import=${path.join(REPO_ROOT, "bench", "statement-times.mjs")}`);
    // Every server inherits it (child-server.ts keeps all but the database's variables).
    process.env.BENCH_STATEMENT_TIMES_DIR = options.statementTimesDir;
  }
  // Every Extranet server (the demo one, the generated-tickets one) keeps its data in the run's own
  // throwaway database and directory, never in the working directory.
  const needsDatabase = scenarios.some(
    (scenario) => scenario.server !== undefined && scenario.server !== BASELINE_SERVER,
  );
  const database = needsDatabase
    ? await createBenchDatabase(options.dialect, options.postgresUrl)
    : undefined;
  if (database) cleanup.add(database.drop);
  const servers = createServerPool({
    databaseEnv: database?.env ?? {},
    nodeFlags,
    nodes: options.nodes,
    log,
  });
  cleanup.add(servers.stopAll);

  const measureOnce = createMeasurer({
    servers,
    settings,
    dialect: options.dialect,
    log,
    freshDatabase: () => createBenchDatabase(options.dialect, options.postgresUrl),
    nodeFlags,
    nodes: options.nodes,
  });
  const rounds = new Map<Scenario, ScenarioFigures[]>(scenarios.map((scenario) => [scenario, []]));
  // A scenario that fails (its setup, a non-2xx answer) reports its error; the others still run.
  const errors = new Map<Scenario, string>();
  for (let round = 1; round <= options.rounds; round++) {
    if (options.rounds > 1) log(`round ${round} of ${options.rounds}`);
    for (const scenario of scenarios) {
      if (errors.has(scenario)) continue;
      try {
        const measured = await measureOnce(scenario);
        const sameBytes = measured.sameBytes ? `; same bytes ${describeFigures(measured.sameBytes)}` : "";
        log(`${scenario.name}: ${describeFigures(measured.figures)}${sameBytes}`);
        rounds.get(scenario)?.push(measured);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${scenario.name}: ERROR: ${error instanceof Error ? (error.stack ?? message) : message}`);
        errors.set(scenario, message);
      }
    }
  }
  return scenarios.map((scenario) => {
    const error = errors.get(scenario);
    if (error !== undefined) return { scenario, error };
    const measured = rounds.get(scenario) ?? [];
    const sameBytes = measured.flatMap((m) => (m.sameBytes ? [m.sameBytes] : []));
    return {
      scenario,
      figures: medianFigures(measured.map((m) => m.figures)),
      rounds: measured.map((m) => m.figures),
      ...(sameBytes.length > 0 && { sameBytes: medianFigures(sameBytes) }),
      ...(sameBytes.length === measured.length && sameBytes.length > 0 && { sameBytesRounds: sameBytes }),
    };
  });
}

function describeFigures(figures: Figures): string {
  const cpu =
    figures.serverCpuUs === undefined ? "" : `, server CPU ${Math.round(figures.serverCpuUs)} µs/req`;
  const database =
    figures.databaseCpuUs === undefined ? "" : `, database CPU ${Math.round(figures.databaseCpuUs)} µs/req`;
  const paced =
    figures.pacedP99Ms === undefined
      ? ""
      : `, p99 ${figures.pacedP99Ms.toFixed(1)} ms paced at ${Math.round(figures.pacedRequestsPerSecond ?? 0)} req/s`;
  return `${Math.round(figures.requestsPerSecond)} req/s, p99 ${figures.p99Ms} ms${paced}${cpu}${database}`;
}

// Two cores hold the load generator and the server; anything else running skews every figure.
function warnIfBusy(): void {
  const [load = 0] = os.loadavg();
  const cores = os.availableParallelism();
  if (load > cores / 2) {
    log(
      `the machine is busy (load average ${load.toFixed(1)} on ${cores} cores): figures will be noisy (--rounds 3 helps)`,
    );
  }
}

function title(options: BenchOptions, settings: LoadSettings): string {
  return [
    `Extranet benchmark on ${options.dialect}, node ${process.version}:`,
    `${settings.connections} connections, pipelining ${settings.pipelining},`,
    `${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per scenario`,
    options.nodes > 1 ? `(${options.nodes} nodes behind HAProxy)` : "",
    options.rounds > 1 ? `(median of ${options.rounds} rounds)` : "",
    `; tickets generated for the ticket and queue scenarios: ${GENERATED_TICKETS} (${GENERATED_HISTORY} history)`,
  ]
    .filter(Boolean)
    .join(" ");
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  }
}
