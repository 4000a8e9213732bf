// Judges a scenario's figures against the goal its issue set.
import type { Dialect } from "./database";
import { medianOfRounds } from "./median";
import type { Figures, Goal } from "./types";

/** The share of the saturated rate at which a `maxPacedP99Ms` goal's latency is measured. */
export const PACED_SHARE = 0.5;

/** `n/a` when the goal cannot be judged in this run: another database, or no baseline measured. */
export type Verdict = "PASS" | "MISS" | "n/a";

/** The goal a run on `dialect` judges: the one set for that database, else one set for any. */
export function goalFor(goals: Goal | readonly Goal[] | undefined, dialect: Dialect): Goal | undefined {
  if (goals === undefined) return undefined;
  const list: readonly Goal[] = Array.isArray(goals) ? goals : [goals as Goal];
  return (
    list.find((goal) => goal.dialect === dialect) ??
    list.find((goal) => goal.dialect === undefined) ??
    list[0]
  );
}

export function describeGoal(goal: Goal): string {
  const bounds = [
    goal.minRatioToBare !== undefined && `req/s >= ${Math.round(goal.minRatioToBare * 100)}% of bare`,
    goal.minRatioToLimit !== undefined && `req/s >= ${Math.round(goal.minRatioToLimit * 100)}% of limit`,
    goal.maxP99Ms !== undefined && `p99 <= ${goal.maxP99Ms} ms`,
    goal.maxPacedP99Ms !== undefined && `p99 <= ${goal.maxPacedP99Ms} ms at ${PACED_SHARE * 100}% load`,
    goal.minRequestsPerSecond !== undefined &&
      `req/s >= ${goal.minRequestsPerSecond.toLocaleString("en-US")}`,
    goal.maxCostOver !== undefined &&
      `cost <= ${Math.round(goal.maxCostOver.ratio * 100)}% of ${goal.maxCostOver.scenario}`,
  ].filter((bound) => typeof bound === "string");
  return `${bounds.join(", ")}${goal.dialect ? ` (${goal.dialect})` : ""}`;
}

export function judge(
  goal: Goal,
  figures: Figures,
  ratios: { ratioToBare: number | null; ratioToLimit: number | null },
  dialect: Dialect,
  /** For a goal on cost: this scenario's cost relative to the one it is compared with (`pairedCost`). */
  cost: number | undefined,
): Verdict {
  if (goal.dialect !== undefined && goal.dialect !== dialect) return "n/a";
  const { ratioToBare, ratioToLimit } = ratios;
  if (goal.minRatioToBare !== undefined && ratioToBare === null) return "n/a";
  if (goal.minRatioToLimit !== undefined && ratioToLimit === null) return "n/a";
  const ratioOk =
    (goal.minRatioToBare === undefined || (ratioToBare ?? 0) >= goal.minRatioToBare) &&
    (goal.minRatioToLimit === undefined || (ratioToLimit ?? 0) >= goal.minRatioToLimit);
  if (goal.maxPacedP99Ms !== undefined && figures.pacedP99Ms === undefined) return "n/a";
  const p99Ok =
    (goal.maxP99Ms === undefined || figures.p99Ms <= goal.maxP99Ms) &&
    (goal.maxPacedP99Ms === undefined ||
      (figures.pacedP99Ms ?? Number.POSITIVE_INFINITY) <= goal.maxPacedP99Ms);
  const rateOk =
    goal.minRequestsPerSecond === undefined || figures.requestsPerSecond >= goal.minRequestsPerSecond;
  let costOk = true;
  if (goal.maxCostOver !== undefined) {
    if (cost === undefined) return "n/a";
    costOk = cost <= goal.maxCostOver.ratio;
  }
  return ratioOk && p99Ok && rateOk && costOk ? "PASS" : "MISS";
}

/** What `figures` cost relative to `other`: CPU per request if both have it, else requests/s inverted. */
export function costRatio(figures: Figures, other: Figures | undefined): number | undefined {
  if (other === undefined) return undefined;
  if (figures.serverCpuUs !== undefined && other.serverCpuUs !== undefined && other.serverCpuUs > 0) {
    return figures.serverCpuUs / other.serverCpuUs;
  }
  return figures.requestsPerSecond > 0 ? other.requestsPerSecond / figures.requestsPerSecond : undefined;
}

/**
 * What a scenario costs relative to another, round by round: each round measures both one after the
 * other, under the same conditions, so the median of the rounds' ratios holds while the machine's
 * speed drifts between rounds. The ratio of the two medians does not: on a busy machine, one scenario's
 * median can come from a slow round and the other's from a fast one (106% from rounds whose own
 * ratios had a median of 121%). Without rounds on both sides, the medians' ratio.
 */
export function pairedCost(
  figures: Figures,
  rounds: readonly Figures[] | undefined,
  other: Figures | undefined,
  otherRounds: readonly Figures[] | undefined,
): number | undefined {
  return (
    medianOfRounds(
      [rounds, otherRounds],
      ([own, theirs]) => costRatio(own as Figures, theirs) ?? Number.NaN,
    ) ?? costRatio(figures, other)
  );
}
