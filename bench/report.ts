// Turns measured figures into the report: a readable table, or one JSON document for machines.
import type { Dialect } from "./database";
import { costRatio, describeGoal, judge, type Verdict } from "./goals";
import { BASELINE } from "./scenarios";
import type { Figures, Scenario } from "./types";

export interface Measurement {
  scenario: Scenario;
  figures: Figures;
}

export interface ReportRow {
  scenario: string;
  requestsPerSecond: number;
  p99Ms: number;
  serverCpuUs: number | null;
  /** Null when the baseline was not measured in this run. */
  ratioToBare: number | null;
  goal: string | null;
  verdict: Verdict | null;
  /** For a goal on cost: this scenario's cost relative to the one it is compared with. */
  costRatio: number | null;
}

export function buildRows(measurements: Measurement[], dialect: Dialect): ReportRow[] {
  const baseline = measurements.find((m) => m.scenario.name === BASELINE)?.figures.requestsPerSecond;
  const measured = new Map(measurements.map((m) => [m.scenario.name, m.figures]));
  return measurements.map(({ scenario, figures }) => {
    const ratioToBare = baseline ? figures.requestsPerSecond / baseline : null;
    return {
      scenario: scenario.name,
      requestsPerSecond: figures.requestsPerSecond,
      p99Ms: figures.p99Ms,
      serverCpuUs: figures.serverCpuUs ?? null,
      ratioToBare,
      goal: scenario.goal ? describeGoal(scenario.goal) : null,
      verdict: scenario.goal ? judge(scenario.goal, figures, ratioToBare, dialect, measured) : null,
      costRatio: scenario.goal?.maxCostOver
        ? (costRatio(figures, measured.get(scenario.goal.maxCostOver.scenario)) ?? null)
        : null,
    };
  });
}

/** The documented JSON shape, rounded to what a benchmark can tell apart. */
export function formatJson(rows: ReportRow[]): string {
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  const documents = rows.map((row) => ({
    scenario: row.scenario,
    requestsPerSecond: round(row.requestsPerSecond, 1),
    p99Ms: round(row.p99Ms, 2),
    ratioToBare: row.ratioToBare === null ? null : round(row.ratioToBare, 3),
  }));
  return `${JSON.stringify(documents, null, 2)}\n`;
}

export function formatTable(rows: ReportRow[], heading: string): string {
  const header = ["scenario", "req/s", "p99 ms", "vs bare", "server CPU µs/req", "goal", "result"];
  const cells = rows.map((row) => [
    row.scenario,
    Math.round(row.requestsPerSecond).toLocaleString("en-US"),
    row.p99Ms.toFixed(1),
    row.ratioToBare === null ? "-" : `${Math.round(row.ratioToBare * 100)}%`,
    row.serverCpuUs === null ? "-" : String(Math.round(row.serverCpuUs)),
    row.goal ?? "",
    [row.verdict, row.costRatio === null ? null : `at ${Math.round(row.costRatio * 100)}%`]
      .filter(Boolean)
      .join(" "),
  ]);
  const widths = header.map((name, column) =>
    Math.max(name.length, ...cells.map((line) => (line[column] ?? "").length)),
  );
  // Figures read best right-aligned; words left-aligned.
  const numeric = new Set([1, 2, 3, 4]);
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
