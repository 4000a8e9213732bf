// Judges a scenario's figures against the goal its issue set.
import type { Dialect } from "./database";
import type { Figures, Goal } from "./types";

/** `n/a` when the goal cannot be judged in this run: another database, or no baseline measured. */
export type Verdict = "PASS" | "MISS" | "n/a";

export function describeGoal(goal: Goal): string {
  const bounds = [
    goal.minRatioToBare !== undefined && `req/s >= ${Math.round(goal.minRatioToBare * 100)}% of bare`,
    goal.maxP99Ms !== undefined && `p99 <= ${goal.maxP99Ms} ms`,
  ].filter((bound) => typeof bound === "string");
  return `${bounds.join(", ")}${goal.dialect ? ` (${goal.dialect})` : ""}`;
}

export function judge(goal: Goal, figures: Figures, ratioToBare: number | null, dialect: Dialect): Verdict {
  if (goal.dialect !== undefined && goal.dialect !== dialect) return "n/a";
  if (goal.minRatioToBare !== undefined && ratioToBare === null) return "n/a";
  const ratioOk = goal.minRatioToBare === undefined || (ratioToBare ?? 0) >= goal.minRatioToBare;
  const p99Ok = goal.maxP99Ms === undefined || figures.p99Ms <= goal.maxP99Ms;
  return ratioOk && p99Ok ? "PASS" : "MISS";
}
