import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "./calendar";
import { createDayPlanner, type DayPlan, toMinuteRanges, typicalRanges } from "./day-plan";
import { localDateOf } from "./local-days";
import { saoPauloCalendar, weekdaysOnly } from "./test-fixtures";

const LUNCH = [
  { start: 480, end: 720 },
  { start: 780, end: 1080 },
];

function planOf(calendar: BusinessCalendar, date: string): DayPlan {
  return createDayPlanner(calendar)(localDateOf(DateTime.fromISO(date, { zone: "utc" })));
}

describe("createDayPlanner", () => {
  const calendar = saoPauloCalendar({
    closedDates: ["2026-04-23", "2026-04-26", "2026-09-07"],
    openDates: ["2026-04-25", "2026-07-09"],
  });

  it.each<[string, string, DayPlan]>([
    ["a weekday opens with its hours", "2026-04-22", { open: true, ranges: LUNCH }],
    ["a Saturday is a weekend", "2026-04-18", { open: false, reason: "weekend" }],
    [
      "a national holiday closes",
      "2026-04-21",
      { open: false, reason: "holiday", holidayName: "Dia de Tiradentes" },
    ],
    ["an extra closed date closes", "2026-04-23", { open: false, reason: "closed_date" }],
    ["a closed date on a Sunday is still a weekend", "2026-04-26", { open: false, reason: "weekend" }],
    [
      "a closed date on a holiday names the holiday",
      "2026-09-07",
      { open: false, reason: "holiday", holidayName: "Dia da Independência" },
    ],
    ["an open Saturday takes the typical weekday hours", "2026-04-25", { open: true, ranges: LUNCH }],
    ["an open date beats a state holiday", "2026-07-09", { open: true, ranges: LUNCH }],
    [
      "a holiday on a Sunday is a weekend: it closes nothing",
      "2026-10-04",
      { open: false, reason: "weekend" },
    ],
  ])("%s (%s)", (_name, date, expected) => {
    expect(planOf(calendar, date)).toEqual(expected);
  });

  it("uses the open date's own weekday hours when it has some", () => {
    const shortFriday = saoPauloCalendar({
      weeklyHours: { ...weekdaysOnly([["08:00", "18:00"]]), fri: [["08:00", "12:00"]] },
      openDates: ["2026-04-21", "2026-04-24"],
    });
    expect(planOf(shortFriday, "2026-04-24")).toEqual({ open: true, ranges: [{ start: 480, end: 720 }] });
    expect(planOf(shortFriday, "2026-04-21")).toEqual({ open: true, ranges: [{ start: 480, end: 1080 }] });
  });

  it("ignores holidays when the calendar has none", () => {
    expect(planOf(saoPauloCalendar({ holidays: null }), "2026-04-21")).toEqual({ open: true, ranges: LUNCH });
  });
});

describe("typicalRanges", () => {
  it("takes the most common Monday–Friday hours, the earliest day on a tie", () => {
    const long = [{ start: 480, end: 1080 }];
    const short = [{ start: 480, end: 720 }];
    expect(typicalRanges([short, long, long, short, long, [], []])).toEqual(long);
    expect(typicalRanges([short, long, [], [], [], [], []])).toEqual(short);
  });

  it("falls back to the weekend's hours when no weekday has any", () => {
    expect(typicalRanges([[], [], [], [], [], [{ start: 600, end: 840 }], []])).toEqual([
      { start: 600, end: 840 },
    ]);
  });
});

describe("toMinuteRanges", () => {
  it("sorts and joins touching ranges; 24:00 is minute 1440", () => {
    expect(
      toMinuteRanges([
        ["13:00", "24:00"],
        ["08:00", "12:00"],
        ["12:00", "13:00"],
      ]),
    ).toEqual([{ start: 480, end: 1440 }]);
  });
});
