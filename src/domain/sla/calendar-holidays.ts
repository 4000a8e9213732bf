// A calendar's own holidays: the region's generated ones, minus those its admin removed, plus its admin's.
import type { BusinessCalendar } from "./calendar";
import { type Holiday, type HolidayScope, holidaysBetween } from "./holidays";

/** Where a calendar's holiday comes from: date-holidays (by scope) or the admin ("custom"). */
export type HolidaySource = HolidayScope | "custom";

export interface CalendarHoliday {
  /** Local date, "YYYY-MM-DD". */
  date: string;
  name: string;
  scope: HolidaySource;
}

type HolidayFields = Pick<BusinessCalendar, "holidays" | "customHolidays" | "removedHolidays">;

/**
 * The holidays that close the calendar between two years (inclusive), one per date, sorted. Generation
 * stays live (a library update reaches every year); a removed date that is no longer generated is
 * simply ignored. A custom holiday on a generated one's date wins: the admin named it.
 */
export function effectiveHolidays(
  calendar: HolidayFields,
  fromYear: number,
  toYear: number,
): CalendarHoliday[] {
  const removed = new Set(calendar.removedHolidays ?? []);
  const byDate = new Map<string, CalendarHoliday>();
  for (const holiday of generated(calendar, fromYear, toYear)) {
    if (!removed.has(holiday.date)) byDate.set(holiday.date, holiday);
  }
  for (const { date, name } of calendar.customHolidays ?? []) {
    if (inYears(date, fromYear, toYear)) byDate.set(date, { date, name, scope: "custom" });
  }
  return [...byDate.values()].sort(byDateAscending);
}

/** The generated holidays the admin removed between two years, so that they can be restored. */
export function removedHolidays(calendar: HolidayFields, fromYear: number, toYear: number): Holiday[] {
  const removed = new Set(calendar.removedHolidays ?? []);
  return generated(calendar, fromYear, toYear).filter((holiday) => removed.has(holiday.date));
}

/** The region's holiday on a date, removed or not; undefined when the region has none there. */
export function generatedHolidayOn(calendar: HolidayFields, date: string): Holiday | undefined {
  const year = Number(date.slice(0, 4));
  return generated(calendar, year, year).find((holiday) => holiday.date === date);
}

function generated(calendar: HolidayFields, fromYear: number, toYear: number): Holiday[] {
  return calendar.holidays ? holidaysBetween(calendar.holidays, fromYear, toYear) : [];
}

function inYears(date: string, fromYear: number, toYear: number): boolean {
  const year = Number(date.slice(0, 4));
  return year >= fromYear && year <= toYear;
}

function byDateAscending(a: CalendarHoliday, b: CalendarHoliday): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
