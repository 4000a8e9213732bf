// Turns measured figures into the report: a readable table, or one JSON document for machines.
import type { Dialect } from "./database";
import { describeGoal, goalFor, judge, pairedCost, type Verdict } from "./goals";
import { medianOfRounds } from "./median";
import { BASELINE } from "./scenarios";
import type { Figures, Scenario } from "./types";

export interface Measurement {
  scenario: Scenario;
  /** Absent when the scenario failed. */
  figures?: Figures;
  /** Each round's figures, in the order of the rounds (every round measured every scenario). */
  rounds?: Figures[];
  /** The same answer's bytes sent by a bare Fastify server, measured alternately with the scenario. */
  sameBytes?: Figures;
  /** Each round's same bytes, when every round measured them. */
  sameBytesRounds?: Figures[];
  /** Why the scenario could not be measured. */
  error?: string;
}

/** The scenarios whose difference is what authenticating a request costs. */
const AUTHENTICATED = "me";

export interface ReportRow {
  scenario: string;
  requestsPerSecond: number;
  p99Ms: number;
  /** The p99 with requests paced at half the saturated rate; null where no goal asks for it. */
  pacedP99Ms: number | null;
  serverCpuUs: number | null;
  /** PostgreSQL backends' CPU per request (local cluster); null on SQLite or where not measured. */
  databaseCpuUs: number | null;
  /** Null when the baseline was not measured in this run. */
  ratioToBare: number | null;
  /** The same bytes from a bare server, in requests/s. */
  sameBytesRps: number | null;
  /**
   * The page's limit: the same bytes plus what authenticating costs, in requests/s; null without a
   * same-bytes figure or without `me` and `bare` in the run.
   */
  limitRps: number | null;
  ratioToLimit: number | null;
  /** Set when the scenario failed; its figures are then zero. */
  error: string | null;
  goal: string | null;
  verdict: Verdict | null;
  /** For a goal on cost: this scenario's cost relative to the one it is compared with. */
  costRatio: number | null;
}

const rps = (figures: Figures | undefined) => figures?.requestsPerSecond ?? Number.NaN;

/**
 * Seconds per request of the same bytes plus those of authenticating (`me` minus the hello world),
 * as requests/s.
 */
export function limitOf(sameBytesRps: number, meRps: number, helloRps: number): number {
  const authSeconds = Math.max(0, 1 / meRps - 1 / helloRps);
  return 1 / (1 / sameBytesRps + authSeconds);
}

export function buildRows(measurements: Measurement[], dialect: Dialect): ReportRow[] {
  // The scenarios measured, by name (a failed one has no figures).
  const measured = new Map(measurements.flatMap((m) => (m.figures ? [[m.scenario.name, m] as const] : [])));
  const rpsOf = (name: string) => measured.get(name)?.figures?.requestsPerSecond || undefined;
  const baseline = rpsOf(BASELINE);
  const meRps = rpsOf(AUTHENTICATED);
  const baselineRounds = measured.get(BASELINE)?.rounds;
  const meRounds = measured.get(AUTHENTICATED)?.rounds;
  return measurements.map(
    ({ scenario, figures: maybeFigures, rounds, sameBytes, sameBytesRounds, error }) => {
      const figures = maybeFigures ?? { requestsPerSecond: 0, p99Ms: 0 };
      const ratioToBare =
        baseline && maybeFigures
          ? (medianOfRounds([rounds, baselineRounds], ([own, bare]) => rps(own) / rps(bare)) ??
            figures.requestsPerSecond / baseline)
          : null;
      const sameBytesRps = sameBytes?.requestsPerSecond || null;
      const limitRps = sameBytesRps && meRps && baseline ? limitOf(sameBytesRps, meRps, baseline) : null;
      const ratioToLimit =
        limitRps && maybeFigures
          ? (medianOfRounds(
              [rounds, sameBytesRounds, meRounds, baselineRounds],
              ([own, same, me, bare]) => rps(own) / limitOf(rps(same), rps(me), rps(bare)),
            ) ?? figures.requestsPerSecond / limitRps)
          : null;
      const goal = goalFor(scenario.goal, dialect);
      const compared = goal?.maxCostOver ? measured.get(goal.maxCostOver.scenario) : undefined;
      const cost = compared ? pairedCost(figures, rounds, compared.figures, compared.rounds) : undefined;
      return {
        scenario: scenario.name,
        requestsPerSecond: figures.requestsPerSecond,
        p99Ms: figures.p99Ms,
        pacedP99Ms: figures.pacedP99Ms ?? null,
        serverCpuUs: figures.serverCpuUs ?? null,
        databaseCpuUs: figures.databaseCpuUs ?? null,
        ratioToBare,
        sameBytesRps,
        limitRps,
        ratioToLimit,
        error: error ?? null,
        goal: goal ? describeGoal(goal) : null,
        verdict: goal && !error ? judge(goal, figures, { ratioToBare, ratioToLimit }, dialect, cost) : null,
        costRatio: cost ?? null,
      };
    },
  );
}

/** The documented JSON shape, rounded to what a benchmark can tell apart. */
export function formatJson(rows: ReportRow[]): string {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  const documents = rows.map((row) => ({
    scenario: row.scenario,
    requestsPerSecond: round(row.requestsPerSecond, 1),
    p99Ms: round(row.p99Ms, 2),
    pacedP99Ms: row.pacedP99Ms === null ? null : round(row.pacedP99Ms, 2),
    ratioToBare: row.ratioToBare === null ? null : round(row.ratioToBare, 3),
    serverCpuUs: row.serverCpuUs === null ? null : round(row.serverCpuUs, 1),
    databaseCpuUs: row.databaseCpuUs === null ? null : round(row.databaseCpuUs, 1),
    sameBytesRequestsPerSecond: row.sameBytesRps === null ? null : round(row.sameBytesRps, 1),
    limitRequestsPerSecond: row.limitRps === null ? null : round(row.limitRps, 1),
    ratioToLimit: row.ratioToLimit === null ? null : round(row.ratioToLimit, 3),
    goal: row.goal,
    verdict: row.verdict,
    error: row.error,
  }));
  return `${JSON.stringify(documents, null, 2)}\n`;
}

export function formatTable(rows: ReportRow[], heading: string): string {
  const header = [
    "scenario",
    "req/s",
    "p99 ms",
    "p99 @50%",
    "vs bare",
    "vs limit",
    "server CPU µs/req",
    "db CPU µs/req",
    "goal",
    "result",
  ];
  const percent = (ratio: number | null) => (ratio === null ? "-" : `${Math.round(ratio * 100)}%`);
  const cells = rows.map((row) =>
    row.error !== null
      ? [row.scenario, "", "", "", "", "", "", "", row.goal ?? "", `ERROR: ${oneLine(row.error)}`]
      : [
          row.scenario,
          Math.round(row.requestsPerSecond).toLocaleString("en-US"),
          row.p99Ms.toFixed(1),
          row.pacedP99Ms === null ? "-" : row.pacedP99Ms.toFixed(1),
          percent(row.ratioToBare),
          percent(row.ratioToLimit),
          row.serverCpuUs === null ? "-" : String(Math.round(row.serverCpuUs)),
          row.databaseCpuUs === null ? "-" : String(Math.round(row.databaseCpuUs)),
          row.goal ?? "",
          [row.verdict, row.costRatio === null ? null : `at ${Math.round(row.costRatio * 100)}%`]
            .filter(Boolean)
            .join(" "),
        ],
  );
  const widths = header.map((name, column) =>
    Math.max(name.length, ...cells.map((line) => (line[column] ?? "").length)),
  );
  // Figures read best right-aligned; words left-aligned.
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const render = (line: string[]) =>
    line
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return numeric.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [heading, "", render(header), rule, ...cells.map(render), ""].join("\n");
}

/** An error's first line, short enough for a table cell. */
function oneLine(message: string): string {
  const first = message.split("\n")[0] ?? "";
  return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}
