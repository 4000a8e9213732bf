import { describe, expect, it } from "vitest";
import { aroundTheClock, type BusinessTime, businessTimeFor, compileCalendar } from "./business-time";
import { SlaError } from "./errors";
import { at, iso, newYorkCalendar, saoPauloCalendar, weekdaysOnly } from "./test-fixtures";

const SAO_PAULO = "America/Sao_Paulo";
const ALL_DAY = [["00:00", "24:00"]] as const;

const calendars: Record<string, BusinessTime> = {
  sp: compileCalendar(saoPauloCalendar()),
  rj: compileCalendar(saoPauloCalendar({ holidays: { country: "BR", state: "RJ" } })),
  "sp, closed 23/04": compileCalendar(saoPauloCalendar({ closedDates: ["2026-04-23"] })),
  "sp, open 25/04 and 21/04": compileCalendar(saoPauloCalendar({ openDates: ["2026-04-25", "2026-04-21"] })),
  "24x7": businessTimeFor({ businessHours: false }, compileCalendar(saoPauloCalendar())),
  ny: compileCalendar(newYorkCalendar()),
  "ny, every hour": compileCalendar(
    newYorkCalendar({ weeklyHours: { ...weekdaysOnly(ALL_DAY), sat: ALL_DAY, sun: ALL_DAY } }),
  ),
};

function calendar(name: string): BusinessTime {
  const found = calendars[name];
  if (!found) throw new Error(`no test calendar ${name}`);
  return found;
}

// Worked by hand on a 2026 wall calendar: 21/04 is a Tuesday, 25/04 a Saturday, 07/09 a Monday.
describe("addBusinessMinutes, worked by hand", () => {
  it.each<[string, string, string, number, string]>([
    ["inside one interval", "sp", "2026-04-22T09:00:00-03:00", 60, "2026-04-22T10:00:00-03:00"],
    ["across the lunch break", "sp", "2026-04-22T11:00:00-03:00", 120, "2026-04-22T14:00:00-03:00"],
    [
      "ending exactly at an interval's end",
      "sp",
      "2026-04-22T08:00:00-03:00",
      240,
      "2026-04-22T12:00:00-03:00",
    ],
    ["from inside the lunch break", "sp", "2026-04-22T12:30:00-03:00", 30, "2026-04-22T13:30:00-03:00"],
    ["from before opening", "sp", "2026-04-22T06:00:00-03:00", 60, "2026-04-22T09:00:00-03:00"],
    ["across a night", "sp", "2026-04-22T17:00:00-03:00", 120, "2026-04-23T09:00:00-03:00"],
    ["from late at night", "sp", "2026-04-22T22:00:00-03:00", 60, "2026-04-23T09:00:00-03:00"],
    ["ending at the day's close", "sp", "2026-04-24T13:00:00-03:00", 300, "2026-04-24T18:00:00-03:00"],
    ["across a weekend", "sp", "2026-04-24T17:00:00-03:00", 120, "2026-04-27T09:00:00-03:00"],
    ["from a Saturday", "sp", "2026-04-25T10:00:00-03:00", 30, "2026-04-27T08:30:00-03:00"],
    ["zero minutes on a Saturday", "sp", "2026-04-25T10:00:00-03:00", 0, "2026-04-25T10:00:00-03:00"],
    ["over Tiradentes (21/04)", "sp", "2026-04-20T17:00:00-03:00", 120, "2026-04-22T09:00:00-03:00"],
    ["over 07/09 after a weekend", "sp", "2026-09-04T17:00:00-03:00", 120, "2026-09-08T09:00:00-03:00"],
    ["over 20/11 in São Paulo", "sp", "2026-11-19T17:00:00-03:00", 120, "2026-11-23T09:00:00-03:00"],
    ["over 20/11 in Rio de Janeiro", "rj", "2026-11-19T17:00:00-03:00", 120, "2026-11-23T09:00:00-03:00"],
    ["over 09/07, a São Paulo holiday", "sp", "2026-07-08T17:00:00-03:00", 120, "2026-07-10T09:00:00-03:00"],
    ["on 09/07 in Rio de Janeiro", "rj", "2026-07-08T17:00:00-03:00", 120, "2026-07-09T09:00:00-03:00"],
    ["five days over 01/05", "sp", "2026-04-27T08:00:00-03:00", 5 * 540, "2026-05-04T18:00:00-03:00"],
    [
      "over an extra closed date",
      "sp, closed 23/04",
      "2026-04-22T17:00:00-03:00",
      120,
      "2026-04-24T09:00:00-03:00",
    ],
    [
      "into an extra open Saturday",
      "sp, open 25/04 and 21/04",
      "2026-04-24T17:00:00-03:00",
      120,
      "2026-04-25T09:00:00-03:00",
    ],
    [
      "into a holiday opened on purpose",
      "sp, open 25/04 and 21/04",
      "2026-04-20T17:00:00-03:00",
      120,
      "2026-04-21T09:00:00-03:00",
    ],
    ["24x7: plain time", "24x7", "2026-04-24T17:00:00-03:00", 120, "2026-04-24T19:00:00-03:00"],
    ["24x7: over a weekend", "24x7", "2026-04-24T17:00:00-03:00", 3 * 1440, "2026-04-27T17:00:00-03:00"],
    ["New York, into daylight saving", "ny", "2026-03-06T16:00:00-05:00", 120, "2026-03-09T10:00:00-04:00"],
    ["New York, out of daylight saving", "ny", "2026-10-30T16:00:00-04:00", 120, "2026-11-02T10:00:00-05:00"],
    [
      "New York round the clock, spring",
      "ny, every hour",
      "2026-03-07T12:00:00-05:00",
      1440,
      "2026-03-08T13:00:00-04:00",
    ],
    [
      "New York round the clock, autumn",
      "ny, every hour",
      "2026-10-31T12:00:00-04:00",
      1440,
      "2026-11-01T11:00:00-05:00",
    ],
  ])("%s", (_name, calendarName, start, minutes, expected) => {
    const businessTime = calendar(calendarName);
    expect(iso(businessTime.addBusinessMinutes(at(start), minutes), businessTime.timeZone)).toBe(
      iso(at(expected), businessTime.timeZone),
    );
  });
});

describe("businessMinutesBetween, worked by hand", () => {
  it.each<[string, string, string, string, number]>([
    ["over a lunch break and a night", "sp", "2026-04-22T11:00:00-03:00", "2026-04-23T09:00:00-03:00", 420],
    ["backwards", "sp", "2026-04-23T09:00:00-03:00", "2026-04-22T11:00:00-03:00", -420],
    ["inside one night", "sp", "2026-04-22T19:00:00-03:00", "2026-04-23T07:00:00-03:00", 0],
    ["over a weekend and Tiradentes", "sp", "2026-04-17T17:00:00-03:00", "2026-04-22T09:00:00-03:00", 660],
    [
      "a 23-hour day in New York",
      "ny, every hour",
      "2026-03-08T00:00:00-05:00",
      "2026-03-09T00:00:00-04:00",
      1380,
    ],
    [
      "a 25-hour day in New York",
      "ny, every hour",
      "2026-11-01T00:00:00-04:00",
      "2026-11-02T00:00:00-05:00",
      1500,
    ],
    ["24x7", "24x7", "2026-04-24T17:00:00-03:00", "2026-04-27T17:00:00-03:00", 4320],
  ])("%s", (_name, calendarName, from, to, expected) => {
    expect(calendar(calendarName).businessMinutesBetween(at(from), at(to))).toBe(expected);
  });
});

describe("sparse calendars", () => {
  const mondayMornings = { ...weekdaysOnly([]), mon: [["08:00", "09:00"]] as const };
  const mondaysOf = (fromYear: number, toYear: number, except: string[] = []) => {
    const dates: string[] = [];
    for (
      let day = at(`${fromYear}-01-05T12:00:00Z`);
      day < at(`${toYear + 1}-01-01T00:00:00Z`);
      day += 7 * 86_400_000
    ) {
      dates.push(new Date(day).toISOString().slice(0, 10));
    }
    return dates.filter((date) => !except.includes(date));
  };

  it("jumps straight to the one open day of a year", () => {
    const once = compileCalendar(
      newYorkCalendar({
        timeZone: SAO_PAULO,
        weeklyHours: mondayMornings,
        closedDates: mondaysOf(2026, 2026, ["2026-06-01"]),
      }),
    );
    const start = at("2026-01-01T00:00:00-03:00");
    expect(iso(once.addBusinessMinutes(start, 60), SAO_PAULO)).toBe("2026-06-01T09:00:00-03:00");
    expect(iso(once.addBusinessMinutes(start, 61), SAO_PAULO)).toBe("2027-01-04T08:01:00-03:00");
  });

  it("gives up with a clear error after ten years without business time", () => {
    const never = compileCalendar(
      newYorkCalendar({ weeklyHours: mondayMornings, closedDates: mondaysOf(2026, 2037) }),
    );
    const started = performance.now();
    expect(() => never.addBusinessMinutes(at("2026-01-01T00:00:00-05:00"), 1)).toThrow(
      expect.objectContaining({ code: "sla.beyond_horizon" }),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("bad input", () => {
  it.each<[string, Parameters<typeof saoPauloCalendar>[0], string]>([
    ["an unknown time zone", { timeZone: "Brazil/Sao_Paulo_City" }, "sla.unknown_time_zone"],
    [
      "overlapping intervals",
      {
        weeklyHours: weekdaysOnly([
          ["08:00", "12:00"],
          ["11:00", "18:00"],
        ]),
      },
      "sla.interval_overlap",
    ],
    ["an empty interval", { weeklyHours: weekdaysOnly([["08:00", "08:00"]]) }, "sla.interval_empty"],
    ["no business hours", { weeklyHours: weekdaysOnly([]) }, "sla.no_business_hours"],
  ])("refuses to compile a calendar with %s", (_name, overrides, code) => {
    try {
      compileCalendar(saoPauloCalendar(overrides));
      expect.unreachable("compileCalendar accepted a bad calendar");
    } catch (error) {
      expect(error).toBeInstanceOf(SlaError);
      expect(error).toMatchObject({
        code: "sla.invalid_calendar",
        problems: expect.arrayContaining([expect.objectContaining({ code })]),
      });
    }
  });

  it("refuses a negative or non-finite target and a non-instant", () => {
    const businessTime = calendar("sp");
    const start = at("2026-04-22T09:00:00-03:00");
    for (const bad of [
      () => businessTime.addBusinessMinutes(start, -1),
      () => businessTime.addBusinessMs(start, Number.NaN),
    ]) {
      expect(bad).toThrow(expect.objectContaining({ code: "sla.negative_target" }));
    }
    expect(() => aroundTheClock(SAO_PAULO).addBusinessMinutes(start, -5)).toThrow(/finite number ≥ 0/);
    expect(() => businessTime.addBusinessMinutes(Number.POSITIVE_INFINITY, 5)).toThrow(
      expect.objectContaining({ code: "sla.invalid_instant" }),
    );
    expect(() => businessTime.businessMinutesBetween(start, at("2300-01-01T00:00:00Z"))).toThrow(
      expect.objectContaining({ code: "sla.invalid_instant" }),
    );
  });
});

describe("businessIntervals and closedSpans", () => {
  it("clips the intervals to the span and explains the gap between them", () => {
    const businessTime = calendar("sp");
    const from = at("2026-04-20T17:00:00-03:00");
    const to = at("2026-04-22T09:00:00-03:00");
    const intervals = businessTime.businessIntervals(from, to);
    expect(intervals.map(({ from, to }) => [iso(from, SAO_PAULO), iso(to, SAO_PAULO)])).toEqual([
      ["2026-04-20T17:00:00-03:00", "2026-04-20T18:00:00-03:00"],
      ["2026-04-22T08:00:00-03:00", "2026-04-22T09:00:00-03:00"],
    ]);
    const gap = businessTime.closedSpans(at("2026-04-20T18:00:00-03:00"), at("2026-04-22T08:00:00-03:00"));
    expect(
      gap.map((span) => [span.kind, iso(span.from, SAO_PAULO), iso(span.to, SAO_PAULO), span.holidayName]),
    ).toEqual([
      ["night", "2026-04-20T18:00:00-03:00", "2026-04-21T00:00:00-03:00", undefined],
      ["holiday", "2026-04-21T00:00:00-03:00", "2026-04-22T00:00:00-03:00", "Dia de Tiradentes"],
      ["night", "2026-04-22T00:00:00-03:00", "2026-04-22T08:00:00-03:00", undefined],
    ]);
  });

  it("calls a lunch gap a break and joins an evening to the next morning", () => {
    const businessTime = calendar("sp");
    const kinds = (from: string, to: string) =>
      businessTime.closedSpans(at(from), at(to)).map((span) => span.kind);
    expect(kinds("2026-04-22T12:00:00-03:00", "2026-04-22T13:00:00-03:00")).toEqual(["break"]);
    expect(kinds("2026-04-22T18:00:00-03:00", "2026-04-23T08:00:00-03:00")).toEqual(["night"]);
    expect(kinds("2026-04-24T18:00:00-03:00", "2026-04-27T08:00:00-03:00")).toEqual([
      "night",
      "weekend",
      "night",
    ]);
  });
});
