import { describe, expect, it } from "vitest";
import { barPercent, periodOf, todayInBrasilia } from "./top-screens-period";

describe("the periods of the top screens", () => {
  it("reads today in Brasília, not in UTC", () => {
    expect(todayInBrasilia(new Date("2026-12-01T02:30:00Z"))).toBe("2026-11-30");
    expect(todayInBrasilia(new Date("2026-12-01T03:30:00Z"))).toBe("2026-12-01");
  });

  it.each([
    ["last30", { from: "2026-02-04", to: "2026-03-05" }],
    ["last90", { from: "2025-12-06", to: "2026-03-05" }],
    ["thisMonth", { from: "2026-03-01", to: "2026-03-05" }],
    ["lastMonth", { from: "2026-02-01", to: "2026-02-28" }],
  ] as const)("%s", (preset, period) => {
    expect(periodOf(preset, "2026-03-05")).toEqual(period);
  });

  it("last month across a year", () => {
    expect(periodOf("lastMonth", "2027-01-10")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("bars are shares of the top screen", () => {
    expect(barPercent(3, 3)).toBe(100);
    expect(barPercent(1, 3)).toBe(33.3);
    expect(barPercent(0, 0)).toBe(0);
  });
});
