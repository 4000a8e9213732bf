// formatDateTime: São Paulo wall-clock time in each language's usual order.
import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format-date";

describe("formatDateTime", () => {
  it("writes dd/mm/aaaa HH:mm in São Paulo time for pt-BR", () => {
    expect(formatDateTime("2026-11-28T23:14:00.000Z", "pt-BR")).toBe("28/11/2026 20:14");
  });

  it("writes midnight as 00:00, not 24:00", () => {
    expect(formatDateTime("2026-01-01T03:00:00Z", "pt-BR")).toBe("01/01/2026 00:00");
  });

  it("writes month first with AM/PM in English", () => {
    expect(formatDateTime("2026-11-28T23:14:00.000Z", "en")).toBe("11/28/2026 8:14 PM");
  });

  it("accepts a Date", () => {
    expect(formatDateTime(new Date("2026-03-09T12:05:00Z"), "pt-BR")).toBe("09/03/2026 09:05");
  });
});
