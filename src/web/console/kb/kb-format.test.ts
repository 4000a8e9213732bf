import { describe, expect, it } from "vitest";
import { defaultPeriod, deflectionText, isIsoDate, saoPauloDate } from "./kb-format";

const measures = { views: 4, readers: 3, helpful: 1, readersWhoOpenedTicket: 1 };

describe("kb-format", () => {
  it("reads a deflection rate as a whole percentage, or nothing before any reader", () => {
    expect(deflectionText({ ...measures, deflectionRate: 2 / 3 })).toBe("67%");
    expect(deflectionText({ ...measures, deflectionRate: 0 })).toBe("0%");
    expect(deflectionText({ ...measures, deflectionRate: null })).toBeNull();
  });

  it("dates in São Paulo: 01:00 UTC is still the day before", () => {
    expect(saoPauloDate(new Date("2026-04-23T01:00:00Z"))).toBe("2026-04-22");
    expect(defaultPeriod(new Date("2026-04-23T13:00:00Z"))).toEqual({ from: "2026-03-25", to: "2026-04-23" });
    expect(isIsoDate("2026-04-23")).toBe(true);
    expect(isIsoDate("23/04/2026")).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});
