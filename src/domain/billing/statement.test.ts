import { describe, expect, it } from "vitest";
import { billingDateOf, billingMonthOf, monthDateRange } from "./months";
import { consultancyFigures, includedMinutesOf } from "./statement";

describe("consultancyFigures", () => {
  it("bills nothing while the approved hours fit in the plan", () => {
    expect(consultancyFigures(240, 90)).toEqual({
      includedMinutes: 240,
      approvedMinutes: 90,
      usedIncludedMinutes: 90,
      billableMinutes: 0,
    });
    expect(consultancyFigures(240, 240)).toMatchObject({ usedIncludedMinutes: 240, billableMinutes: 0 });
  });

  it("bills what exceeds the plan's hours", () => {
    expect(consultancyFigures(240, 390)).toMatchObject({ usedIncludedMinutes: 240, billableMinutes: 150 });
  });

  it("bills everything under a plan without included hours", () => {
    expect(consultancyFigures(0, 120)).toMatchObject({ usedIncludedMinutes: 0, billableMinutes: 120 });
  });

  it("reads fractional plan hours as whole minutes", () => {
    expect(includedMinutesOf(4)).toBe(240);
    expect(includedMinutesOf(2.5)).toBe(150);
    expect(includedMinutesOf(0.33)).toBe(20);
  });
});

describe("billing months in São Paulo", () => {
  it("counts an instant late on the last evening of a month in that month", () => {
    // 23:30 on 30/04 in São Paulo is already 1 May in UTC.
    const lateApril = Date.parse("2026-05-01T02:30:00Z");
    expect(billingMonthOf(lateApril)).toBe("2026-04");
    expect(billingDateOf(lateApril)).toBe("2026-04-30");
    // 00:30 on 1 May in São Paulo.
    expect(billingMonthOf(Date.parse("2026-05-01T03:30:00Z"))).toBe("2026-05");
  });

  it("gives a month's days as a half-open range, December included", () => {
    expect(monthDateRange("2026-04")).toEqual({ from: "2026-04-01", until: "2026-05-01" });
    expect(monthDateRange("2026-12")).toEqual({ from: "2026-12-01", until: "2027-01-01" });
  });
});
