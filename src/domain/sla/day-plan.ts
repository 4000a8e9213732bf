// What one local date of a calendar holds: its opening ranges, or why it stays closed.
import { type BusinessCalendar, parseTime, type TimeRange, WEEKDAYS } from "./calendar";
import { type CalendarHoliday, effectiveHolidays } from "./calendar-holidays";

/** Minutes since local midnight; `end` may be 1440 (the next midnight). */
export interface MinuteRange {
  start: number;
  end: number;
}

/** "weekend" is any day the weekly hours leave closed, whatever its weekday. */
export type ClosedReason = "weekend" | "holiday" | "closed_date";

export type DayPlan =
  | { open: true; ranges: readonly MinuteRange[] }
  | { open: false; reason: ClosedReason; holidayName?: string };

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** 1 = Monday … 7 = Sunday, as in Luxon. */
  weekday: number;
  /** "YYYY-MM-DD". */
  iso: string;
}

export type DayPlanner = (date: LocalDate) => DayPlan;

/**
 * Precedence, first match wins: an extra closed date; an extra open date (open even on a holiday or
 * a weekend, with its weekday's hours, or the typical weekday hours when its weekday has none); a
 * weekday without hours ("weekend"); a holiday (the region's, minus those removed, plus the admin's
 * own); the weekday's hours. A holiday or a closed date on a day that is closed anyway is reported
 * as "weekend": it skipped nothing.
 */
export function createDayPlanner(calendar: BusinessCalendar): DayPlanner {
  const weekly = WEEKDAYS.map((day) => toMinuteRanges(calendar.weeklyHours[day] ?? []));
  const typical = typicalRanges(weekly);
  const closedDates = new Set(calendar.closedDates);
  const openDates = new Set(calendar.openDates);
  const holidayOn = createHolidayLookup(calendar);

  return (date) => {
    const usual = weekly[date.weekday - 1] ?? [];
    const closedDate = closedDates.has(date.iso);
    if (!closedDate && openDates.has(date.iso))
      return { open: true, ranges: usual.length > 0 ? usual : typical };
    if (usual.length === 0) return { open: false, reason: "weekend" };
    const holiday = holidayOn(date);
    if (holiday) return { open: false, reason: "holiday", holidayName: holiday.name };
    if (closedDate) return { open: false, reason: "closed_date" };
    return { open: true, ranges: usual };
  };
}

/** Sorted, touching ranges joined; unparseable ones (refused by validation) dropped. */
export function toMinuteRanges(ranges: readonly TimeRange[]): MinuteRange[] {
  const parsed: MinuteRange[] = [];
  for (const [from, to] of ranges) {
    const start = parseTime(from, false);
    const end = parseTime(to, true);
    if (start !== null && end !== null && end > start) parsed.push({ start, end });
  }
  parsed.sort((a, b) => a.start - b.start);
  const joined: MinuteRange[] = [];
  for (const range of parsed) {
    const last = joined.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else joined.push({ ...range });
  }
  return joined;
}

/**
 * The hours an open date gets when its weekday has none (an open Saturday): the most common
 * Monday–Friday hours, the earliest weekday on a tie; failing that, the first day with hours.
 */
export function typicalRanges(weekly: readonly (readonly MinuteRange[])[]): readonly MinuteRange[] {
  const counts = new Map<string, { ranges: readonly MinuteRange[]; count: number }>();
  for (const ranges of weekly.slice(0, 5)) {
    if (ranges.length === 0) continue;
    const key = JSON.stringify(ranges);
    const entry = counts.get(key) ?? { ranges, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { ranges: readonly MinuteRange[]; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.ranges ?? weekly.find((ranges) => ranges.length > 0) ?? [];
}

function createHolidayLookup(calendar: BusinessCalendar): (date: LocalDate) => CalendarHoliday | undefined {
  const byYear = new Map<number, Map<string, CalendarHoliday>>();
  return (date) => {
    let holidays = byYear.get(date.year);
    if (!holidays) {
      holidays = new Map(
        effectiveHolidays(calendar, date.year, date.year).map((holiday) => [holiday.date, holiday]),
      );
      byYear.set(date.year, holidays);
    }
    return holidays.get(date.iso);
  };
}
