import { describe, expect, it } from "vitest";
import { type BusinessCalendar, parseTime, validateCalendar } from "./calendar";
import { saoPauloCalendar, weekdaysOnly } from "./test-fixtures";

const codes = (calendar: BusinessCalendar) =>
  validateCalendar(calendar).map(({ path, code }) => `${path} ${code}`);

describe("validateCalendar", () => {
  it("accepts a calendar with a lunch break, holidays and extra days", () => {
    const calendar = saoPauloCalendar({ closedDates: ["2026-12-24"], openDates: ["2026-04-25"] });
    expect(validateCalendar(calendar)).toEqual([]);
  });

  it.each<[string, Partial<BusinessCalendar>, string[]]>([
    ["an unknown time zone", { timeZone: "America/Sao_Paolo" }, ["timeZone sla.unknown_time_zone"]],
    ["a zone offset instead of a zone", { timeZone: "-03:00" }, ["timeZone sla.unknown_time_zone"]],
    [
      "badly written times",
      {
        weeklyHours: {
          ...weekdaysOnly([["08:00", "18:00"]]),
          sat: [
            ["8:00", "12:00"],
            ["13:00", "25:00"],
          ],
        },
      },
      ["weeklyHours.sat.0 sla.bad_time", "weeklyHours.sat.1 sla.bad_time"],
    ],
    [
      "24:00 as a start",
      { weeklyHours: { ...weekdaysOnly([["08:00", "18:00"]]), sun: [["24:00", "24:00"]] } },
      ["weeklyHours.sun.0 sla.bad_time"],
    ],
    [
      "empty and reversed intervals",
      {
        weeklyHours: {
          ...weekdaysOnly([["08:00", "18:00"]]),
          mon: [
            ["08:00", "08:00"],
            ["18:00", "13:00"],
          ],
        },
      },
      ["weeklyHours.mon.0 sla.interval_empty", "weeklyHours.mon.1 sla.interval_empty"],
    ],
    [
      "overlapping intervals, listed in any order",
      {
        weeklyHours: {
          ...weekdaysOnly([["08:00", "18:00"]]),
          tue: [
            ["13:00", "18:00"],
            ["08:00", "13:30"],
          ],
        },
      },
      ["weeklyHours.tue.1 sla.interval_overlap"],
    ],
    [
      "no business hours at all",
      { weeklyHours: weekdaysOnly([]), openDates: ["2026-04-25"] },
      ["weeklyHours sla.no_business_hours"],
    ],
    [
      "malformed and impossible dates",
      { closedDates: ["2026-02-30"], openDates: ["25/04/2026"] },
      ["closedDates.0 sla.bad_date", "openDates.0 sla.bad_date"],
    ],
    [
      "a date both open and closed",
      { closedDates: ["2026-04-25"], openDates: ["2026-04-25"] },
      ["openDates.0 sla.date_open_and_closed"],
    ],
    ["an unknown state", { holidays: { country: "BR", state: "XX" } }, ["holidays.state sla.unknown_region"]],
    [
      "an unknown city",
      { holidays: { country: "BR", state: "SP", city: "Campinas" } },
      ["holidays.city sla.unknown_region"],
    ],
    [
      "a city without its state",
      { holidays: { country: "BR", city: "SP" } },
      ["holidays.city sla.unknown_region"],
    ],
    [
      "a custom holiday without a date or a name",
      {
        customHolidays: [
          { date: "2026-02-30", name: "Aniversário" },
          { date: "2026-01-25", name: "  " },
        ],
      },
      ["customHolidays.0.date sla.bad_date", "customHolidays.1.name sla.holiday_name_required"],
    ],
    [
      "two custom holidays on one date",
      {
        customHolidays: [
          { date: "2026-01-25", name: "Aniversário de São Paulo" },
          { date: "2026-01-25", name: "Outro" },
        ],
      },
      ["customHolidays.1.date sla.duplicate_holiday"],
    ],
    [
      "a removed holiday that is not a date",
      { removedHolidays: ["21/04/2026"] },
      ["removedHolidays.0 sla.bad_date"],
    ],
  ])("refuses %s", (_name, overrides, expected) => {
    expect(codes(saoPauloCalendar(overrides))).toEqual(expected);
  });

  it("accepts custom and removed holidays, even a removed date the region no longer generates", () => {
    const calendar = saoPauloCalendar({
      customHolidays: [{ date: "2026-01-25", name: "Aniversário de São Paulo" }],
      removedHolidays: ["2026-07-09", "2026-03-03"],
    });
    expect(validateCalendar(calendar)).toEqual([]);
  });

  it("accepts touching intervals, 24:00 as an end, and a known city", () => {
    const calendar = saoPauloCalendar({
      weeklyHours: {
        ...weekdaysOnly([
          ["08:00", "12:00"],
          ["12:00", "18:00"],
        ]),
        sat: [["20:00", "24:00"]],
      },
      holidays: { country: "BR", state: "SP", city: "SP" },
    });
    expect(validateCalendar(calendar)).toEqual([]);
  });

  it("reports every problem at once and never throws on garbage", () => {
    const garbage = {
      timeZone: 42,
      weeklyHours: { mon: [[8, 12], null] },
      holidays: { country: "AR" },
      closedDates: [],
      openDates: [],
    } as unknown as BusinessCalendar;
    expect(codes(garbage)).toEqual([
      "timeZone sla.unknown_time_zone",
      "weeklyHours.mon.0 sla.bad_time",
      "weeklyHours.mon.1 sla.bad_time",
      "weeklyHours sla.no_business_hours",
      "holidays.country sla.unknown_region",
    ]);
    expect(validateCalendar(garbage)[0]?.message).toContain("42");
  });
});

describe("parseTime", () => {
  it.each<[string, boolean, number | null]>([
    ["00:00", false, 0],
    ["08:30", false, 510],
    ["23:59", false, 1439],
    ["24:00", true, 1440],
    ["24:00", false, null],
    ["24:01", true, null],
    ["12:60", false, null],
    ["8:00", false, null],
  ])("%s (end of day allowed: %s) → %s", (text, allowEndOfDay, expected) => {
    expect(parseTime(text, allowEndOfDay)).toBe(expected);
  });
});
