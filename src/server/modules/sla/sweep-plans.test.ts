import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { testDialect } from "../../../../test/support/database";
import { planOf } from "../../../../test/support/query-plan";
import { buildClaimDueClocks } from "./repository";

// The sweeper claims due clocks a batch per statement: each claim must read the clocks not fired yet in
// the order they came due and stop at the batch's last, not pass over every clock already fired (migration
// 0031 on PostgreSQL, told here to avoid sequential scans and sorts; SQLite's planner finds the
// index by itself).
describe("the sweeper's claim plan", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ["warning", "sla_clock_unwarned_idx"],
    ["breach", "sla_clock_unbreached_idx"],
  ] as const)("a %s walks %s in order", async (kind, index) => {
    const compiled = buildClaimDueClocks(t.ctx.db, kind, Date.parse("2026-04-22T13:00:00Z"), 25).compile();
    const plan = await planOf(t.ctx.db, compiled, ["enable_seqscan", "enable_sort"]);
    const text = plan.join("\n");
    if (testDialect === "sqlite") {
      expect(
        plan.filter((line) => /TEMP B-TREE/.test(line)),
        text,
      ).toEqual([]);
      expect(text).toMatch(new RegExp(`sla_clock USING (COVERING )?INDEX ${index}`));
    } else {
      expect(
        plan.filter((line) => /\bSort\b|Seq Scan on sla_clock/.test(line)),
        text,
      ).toEqual([]);
      expect(text).toMatch(new RegExp(`Index Scan using ${index} on sla_clock`));
    }
  });
});
