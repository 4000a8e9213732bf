import { describe, expect, it } from "vitest";
import { formatHours, hoursToMinutes, isOneHour, isoDateToText, todayInSaoPaulo } from "./hours";

describe("formatHours", () => {
  it("writes hours with the reader's decimal mark, whole ones without decimals", () => {
    expect(formatHours(90, "pt-BR")).toBe("1,5 h");
    expect(formatHours(90, "en")).toBe("1.5 h");
    expect(formatHours(240, "pt-BR")).toBe("4 h");
    expect(formatHours(100, "pt-BR")).toBe("1,67 h");
    expect(formatHours(0, "pt-BR")).toBe("0 h");
    expect(formatHours(60 * 1250, "pt-BR")).toBe("1.250 h");
  });
});

describe("isOneHour", () => {
  it("reads only exactly one hour in the singular", () => {
    expect(isOneHour(60)).toBe(true);
    expect([0, 30, 90, 120].map(isOneHour)).toEqual([false, false, false, false]);
  });
});

describe("hoursToMinutes", () => {
  it("reads a decimal comma or point", () => {
    expect(hoursToMinutes("1,5")).toBe(90);
    expect(hoursToMinutes("1.5")).toBe(90);
    expect(hoursToMinutes(" 2 ")).toBe(120);
    expect(hoursToMinutes("0,25")).toBe(15);
    expect(hoursToMinutes("1,333")).toBe(80);
  });

  it("refuses what is not a positive number of hours", () => {
    for (const text of ["", "0", "0,001", "-1", "1h30", "abc", "1,5,5"])
      expect(hoursToMinutes(text), text).toBeNull();
  });
});

describe("todayInSaoPaulo", () => {
  it("is São Paulo's date, not UTC's", () => {
    expect(todayInSaoPaulo(new Date("2026-05-01T02:30:00Z"))).toBe("2026-04-30");
    expect(todayInSaoPaulo(new Date("2026-05-01T03:30:00Z"))).toBe("2026-05-01");
  });
});

describe("isoDateToText", () => {
  it("writes a work date as it is typed, dd/mm/aaaa", () => {
    expect(isoDateToText("2026-04-30")).toBe("30/04/2026");
  });
});
