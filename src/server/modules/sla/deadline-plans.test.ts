import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { testDialect } from "../../../../test/support/database";
import { planOf } from "../../../../test/support/query-plan";
import { buildRunningDeadlines } from "./repository";

// "Vence em breve / violado" walks the running deadlines in due order and stops after a page: no sort
// of every running clock, whatever their number (migration 0028 on PostgreSQL, told here to avoid
// sequential scans and sorts; SQLite's planner finds the index by itself).
describe("the running deadlines' query plan", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ["the first page", false],
    ["the page before an instant", true],
  ])("%s walks the running clocks' index in due order", async (_name, bounded) => {
    const compiled = buildRunningDeadlines(
      t.ctx.db,
      { bounded, limit: 25 },
      { dueBefore: Date.parse("2026-04-22T13:00:00Z") },
    ).compile();
    const plan = await planOf(t.ctx.db, compiled, ["enable_seqscan", "enable_sort"]);
    const text = plan.join("\n");
    if (testDialect === "sqlite") {
      expect(
        plan.filter((line) => /TEMP B-TREE/.test(line)),
        text,
      ).toEqual([]);
      expect(text).toMatch(/sla_clock USING (COVERING )?INDEX sla_clock_running_due_idx/);
    } else {
      expect(
        plan.filter((line) => /\bSort\b|Seq Scan on sla_clock/.test(line)),
        text,
      ).toEqual([]);
      expect(text).toMatch(/Index Scan using sla_clock_running_due_idx on sla_clock/);
    }
  });
});
