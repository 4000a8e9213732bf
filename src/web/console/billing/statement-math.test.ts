import { describe, expect, it } from "vitest";
import { barShares } from "./statement-math";

describe("barShares", () => {
  it("shows unused included hours when the approvals fit in the plan", () => {
    expect(barShares({ includedMinutes: 240, approvedMinutes: 60 })).toEqual({
      usedIncluded: 25,
      billable: 0,
      unused: 75,
    });
  });

  it("spans the approvals when they exceed the plan, the excess as billable", () => {
    expect(barShares({ includedMinutes: 240, approvedMinutes: 360 })).toEqual({
      usedIncluded: (240 / 360) * 100,
      billable: (120 / 360) * 100,
      unused: 0,
    });
  });

  it("is all billable without included hours, and empty with nothing at all", () => {
    expect(barShares({ includedMinutes: 0, approvedMinutes: 90 })).toEqual({
      usedIncluded: 0,
      billable: 100,
      unused: 0,
    });
    expect(barShares({ includedMinutes: 0, approvedMinutes: 0 })).toEqual({
      usedIncluded: 0,
      billable: 0,
      unused: 0,
    });
  });
});
