import { describe, expect, it } from "vitest";
import { holidayRequestFrom, holidayRows, yearToShow } from "./holiday-form";

describe("the add-a-holiday form", () => {
  it("sends the date as AAAA-MM-DD and the name trimmed", () => {
    expect(holidayRequestFrom({ date: " 25/1/2027 ", name: "  Aniversário de São Paulo " })).toEqual({
      date: "2027-01-25",
      name: "Aniversário de São Paulo",
    });
  });

  it("sends an unreadable date as typed, so the API's field error points at it", () => {
    expect(holidayRequestFrom({ date: "amanhã", name: "Ponte" }).date).toBe("amanhã");
    expect(holidayRequestFrom({ date: "", name: "" })).toEqual({ date: "", name: "" });
  });

  it("shows the year of the holiday just added", () => {
    expect(yearToShow({ date: "2027-01-25", name: "x" }, 2026)).toBe(2027);
    expect(yearToShow({ date: "amanhã", name: "x" }, 2026)).toBe(2026);
  });
});

describe("holidayRows", () => {
  it("lists the year's holidays and the removed ones in one list by date, the removed ones marked", () => {
    const rows = holidayRows({
      calendarId: "c",
      year: 2026,
      items: [
        { date: "2026-04-21", name: "Dia de Tiradentes", scope: "national" },
        { date: "2026-06-04", name: "Corpus Christi", scope: "custom" },
      ],
      removed: [{ date: "2026-01-01", name: "Ano Novo", scope: "national" }],
    });
    expect(rows.map((row) => [row.date, row.scope, row.removed])).toEqual([
      ["2026-01-01", "national", true],
      ["2026-04-21", "national", false],
      ["2026-06-04", "custom", false],
    ]);
  });
});
