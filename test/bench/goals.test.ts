// The bench's cost goal (opening a ticket with its e-mail against without) is judged round by round:
// the median of each round's own ratio, not the ratio of two medians taken from different rounds.
import { describe, expect, it } from "vitest";
import { judge, pairedCost } from "../../bench/goals";
import { medianFigures } from "../../bench/median";
import type { Figures } from "../../bench/types";

const round = (serverCpuUs: number): Figures => ({
  requestsPerSecond: 1_000_000 / serverCpuUs,
  p99Ms: 40,
  serverCpuUs,
});

// A run on a busy machine (this project's, 2026-12-07): the first rounds slow, the last ones fast.
const withEmail = [2780, 1911, 1647, 1488, 1087, 1072, 1009, 996].map(round);
const quiet = [1511, 1540, 1183, 1262, 1257, 932, 805, 938].map(round);

describe("the bench's cost ratio", () => {
  it("is the median of the rounds' own ratios", () => {
    const medians = [medianFigures(withEmail), medianFigures(quiet)] as const;
    // The medians' ratio, which mixes a slow round's figure with a fast one's: 106%.
    expect((medians[0].serverCpuUs ?? 0) / (medians[1].serverCpuUs ?? 1)).toBeCloseTo(1.057, 2);
    const paired = pairedCost(medians[0], withEmail, medians[1], quiet);
    // Rounds' ratios 0.86 1.06 1.15 1.18 1.24 1.25 1.39 1.84: median (1.18 + 1.24) / 2, 121%.
    expect(paired).toBeCloseTo(1.21, 2);
  });

  it("falls back to the medians' ratio without matching rounds, and to requests/s without CPU", () => {
    expect(pairedCost(round(1100), undefined, round(1000), [round(1000)])).toBeCloseTo(1.1, 5);
    expect(pairedCost(round(1100), [round(1100)], round(1000), [round(900), round(1000)])).toBeCloseTo(
      1.1,
      5,
    );
    expect(
      pairedCost(
        { requestsPerSecond: 800, p99Ms: 1 },
        undefined,
        { requestsPerSecond: 1000, p99Ms: 1 },
        undefined,
      ),
    ).toBeCloseTo(1.25, 5);
    expect(pairedCost(round(1000), undefined, undefined, undefined)).toBeUndefined();
  });

  it("judges the goal on the cost it is given", () => {
    const goal = { minRequestsPerSecond: 900, maxCostOver: { scenario: "quiet", ratio: 1.1 } };
    const ratios = { ratioToBare: null, ratioToLimit: null };
    expect(judge(goal, round(1000), ratios, "sqlite", 1.05)).toBe("PASS");
    expect(judge(goal, round(1000), ratios, "sqlite", 1.21)).toBe("MISS");
    expect(judge(goal, round(1000), ratios, "sqlite", undefined)).toBe("n/a");
  });
});
