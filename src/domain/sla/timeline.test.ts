import { describe, expect, it } from "vitest";
import { HORIZON_YEARS, Timeline, type YearSource } from "./timeline";

/**
 * A toy calendar: year y spans [y·1000, (y+1)·1000) and is open [100, 200) and [900, 1000) of it,
 * plus [0, 50) of the next, so the last interval of a year touches the first of the next.
 */
const YEAR = 1000;
const toyYears: YearSource = {
  yearOf: (instant) => Math.floor(instant / YEAR),
  startOfYear: (year) => year * YEAR,
  intervalsOfYear: (year) => [
    [year * YEAR, year * YEAR + 50],
    [year * YEAR + 100, year * YEAR + 200],
    [year * YEAR + 900, (year + 1) * YEAR],
  ],
};
const y2026 = 2026 * YEAR;

describe("Timeline", () => {
  it("adds across a year boundary through the joined interval", () => {
    const timeline = new Timeline(toyYears);
    expect(timeline.add(y2026 + 950, 100)).toBe(y2026 + YEAR + 50);
    expect(timeline.add(y2026 + 950, 101)).toBe(y2026 + YEAR + 101);
    expect(timeline.intervals(y2026 + 950, y2026 + YEAR + 10)).toEqual([[y2026 + 950, y2026 + YEAR + 10]]);
  });

  it("ends at an interval's end rather than the next start, and counts from the next opening", () => {
    const timeline = new Timeline(toyYears);
    expect(timeline.add(y2026 + 150, 50)).toBe(y2026 + 200);
    expect(timeline.add(y2026 + 300, 1)).toBe(y2026 + 901);
    expect(timeline.add(y2026 + 300, 0)).toBe(y2026 + 300);
  });

  it("extends backwards when an earlier instant comes, keeping every answer", () => {
    const timeline = new Timeline(toyYears);
    expect(timeline.between(y2026 + 120, y2026 + 920)).toBe(100);
    expect(timeline.between(y2026 - 3 * YEAR + 120, y2026 + 120)).toBe(3 * 250);
    expect(timeline.between(y2026 + 120, y2026 + 920)).toBe(100);
    expect(timeline.add(y2026 - 3 * YEAR + 120, 750)).toBe(y2026 + 120);
  });

  it("gives up beyond the horizon when the calendar never opens", () => {
    const closed = new Timeline({ ...toyYears, intervalsOfYear: () => [] });
    expect(() => closed.add(y2026, 1)).toThrow(
      expect.objectContaining({
        code: "sla.beyond_horizon",
        message: expect.stringContaining(`${HORIZON_YEARS} years`),
      }),
    );
  });

  it("refuses instants outside the years it supports, before building up to them", () => {
    const timeline = new Timeline(toyYears);
    expect(() => timeline.between(y2026, 2300 * YEAR)).toThrow(
      expect.objectContaining({ code: "sla.invalid_instant" }),
    );
    expect(() => timeline.add(Number.NaN, 1)).toThrow(
      expect.objectContaining({ code: "sla.invalid_instant" }),
    );
  });
});
