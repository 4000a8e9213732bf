// The bench's ratios are judged round by round: the median of each round's own ratio (a scenario
// against the hello world, against its limit, against the scenario its cost is compared with), not the
// ratio of medians taken from different rounds.
import { describe, expect, it } from "vitest";
import { judge, pairedCost } from "../../bench/goals";
import { medianFigures } from "../../bench/median";
import { buildRows, type Measurement } from "../../bench/report";
import type { Figures, Scenario } from "../../bench/types";

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

  it("takes a page's ratios to the hello world and to its limit round by round", () => {
    const rps = (requestsPerSecond: number): Figures => ({ requestsPerSecond, p99Ms: 5 });
    const scenario = (name: string) => ({ kind: "http", name, description: name }) as unknown as Scenario;
    const measurement = (name: string, rounds: number[], sameBytes?: number[]): Measurement => ({
      scenario: scenario(name),
      figures: medianFigures(rounds.map(rps)),
      rounds: rounds.map(rps),
      ...(sameBytes && { sameBytes: medianFigures(sameBytes.map(rps)), sameBytesRounds: sameBytes.map(rps) }),
    });
    // The third round ran on a machine twice as slow, for the hello world and `me` only; the page's
    // second round was slow on its own. Round by round, the page is at 5% of the hello world and at
    // 25% of its limit in two rounds of three.
    const rows = buildRows(
      [
        measurement("bare", [40_000, 40_000, 20_000]),
        measurement("me", [10_000, 10_000, 5_000]),
        measurement("tickets-list", [2_000, 1_000, 1_000], [20_000, 20_000, 10_000]),
      ],
      "sqlite",
    );
    const list = rows.find((row) => row.scenario === "tickets-list");
    expect(list?.ratioToBare).toBeCloseTo(0.05, 5);
    // limit = 1 / (1/same + 1/me − 1/bare): 8,000 req/s in rounds 1 and 2, 4,000 in round 3.
    expect(list?.ratioToLimit).toBeCloseTo(0.25, 5);
    // The medians' ratios would have said 1,000 / 40,000 and 1,000 / 8,000.
    expect((list?.requestsPerSecond ?? 0) / 40_000).toBeCloseTo(0.025, 5);
  });
});
