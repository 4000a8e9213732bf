// Where a calendar's local dates and wall-clock times fall as instants; every zone conversion goes through Luxon.
import { DateTime } from "luxon";
import { MINUTES_PER_DAY } from "./calendar";
import type { DayPlanner, LocalDate } from "./day-plan";
import type { YearSource } from "./timeline";

export function localDateOf(dateTime: DateTime): LocalDate {
  return {
    year: dateTime.year,
    month: dateTime.month,
    day: dateTime.day,
    weekday: dateTime.weekday,
    iso: dateTime.toISODate() ?? "",
  };
}

/**
 * The instant of a wall-clock time on a local date. A time skipped by a daylight-saving jump
 * moves forward with it (Luxon's rule); 1440 is the next date's midnight.
 */
export function instantOf(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  if (minuteOfDay >= MINUTES_PER_DAY) {
    const next = DateTime.utc(date.year, date.month, date.day).plus({ days: 1 });
    return instantOf(localDateOf(next), minuteOfDay - MINUTES_PER_DAY, timeZone);
  }
  const { year, month, day } = date;
  const time = { hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
  return DateTime.fromObject({ year, month, day, ...time }, { zone: timeZone }).toMillis();
}

/** The business intervals of each local year, as the planner opens its dates. */
export function createYearSource(timeZone: string, planDay: DayPlanner): YearSource {
  return {
    yearOf: (instant) => DateTime.fromMillis(instant, { zone: timeZone }).year,
    startOfYear: (year) => DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone }).toMillis(),
    intervalsOfYear: (year) => {
      const intervals: [number, number][] = [];
      // Walk the dates in UTC: plain calendar arithmetic, no zone involved until a date opens.
      for (let date = DateTime.utc(year, 1, 1); date.year === year; date = date.plus({ days: 1 })) {
        const local = localDateOf(date);
        const plan = planDay(local);
        if (!plan.open) continue;
        for (const range of plan.ranges) {
          const start = instantOf(local, range.start, timeZone);
          const end = instantOf(local, range.end, timeZone);
          if (end > start) intervals.push([start, end]);
        }
      }
      return joinOverlaps(intervals);
    },
  };
}

/** Ranges a daylight-saving jump pushed into each other become one. */
function joinOverlaps(intervals: [number, number][]): [number, number][] {
  const joined: [number, number][] = [];
  for (const [start, end] of intervals.sort((a, b) => a[0] - b[0])) {
    const last = joined.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  return joined;
}
