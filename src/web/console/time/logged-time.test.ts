// The logged-time page's pure parts: a month as a work-date range, and whose time is asked for.
import { describe, expect, it } from "vitest";
import { EVERYONE, monthRange, userIdFor } from "./logged-time";

describe("monthRange", () => {
  it("covers the month's first to last day, inclusive", () => {
    expect(monthRange("2026-04")).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("knows February and leap years", () => {
    expect(monthRange("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});

describe("whose time", () => {
  it("asks about everyone (no userId) or the chosen person", () => {
    expect(userIdFor(EVERYONE, true, "me")).toBeUndefined();
    expect(userIdFor(null, true, "me")).toBeUndefined();
    expect(userIdFor("u-2", true, "me")).toBe("u-2");
  });

  it("always asks about one's own time without the team's", () => {
    expect(userIdFor(EVERYONE, false, "me")).toBe("me");
    expect(userIdFor("u-2", false, "me")).toBe("me");
  });
});
