import { describe, expect, it } from "vitest";
import { datesToText, rangesToText, textToDate, textToDates, textToRanges } from "./calendar-form";

describe("calendar form text", () => {
  it("reads and writes business hours", () => {
    expect(textToRanges("08:00–12:00, 13:00-18:00")).toEqual([
      ["08:00", "12:00"],
      ["13:00", "18:00"],
    ]);
    expect(textToRanges("  ")).toEqual([]);
    expect(rangesToText([["08:00", "12:00"]])).toBe("08:00–12:00");
  });

  it("reads and writes dates as dd/mm/aaaa", () => {
    expect(textToDates("24/12/2026\n31/12/2026")).toEqual(["2026-12-24", "2026-12-31"]);
    expect(textToDates("amanhã")).toEqual(["amanhã"]);
    expect(datesToText(["2026-12-24"])).toBe("24/12/2026");
  });

  it("reads one date, padding day and month", () => {
    expect(textToDate(" 4/6/2026 ")).toBe("2026-06-04");
    expect(textToDate("2026-06-04")).toBe("2026-06-04");
  });
});
