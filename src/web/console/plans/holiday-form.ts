// The calendar editor's holiday list and "add a holiday" form, to and from the contract.
import type { CalendarHolidays, CustomHoliday } from "../../../contracts/sla";
import { textToDate } from "./calendar-form";

export interface HolidayDraft {
  /** dd/mm/aaaa as typed. */
  date: string;
  name: string;
}

export const emptyHolidayDraft: HolidayDraft = { date: "", name: "" };

/** What the API is sent; an unreadable date goes as typed, so that its field error points at it. */
export function holidayRequestFrom(draft: HolidayDraft): CustomHoliday {
  return { date: textToDate(draft.date), name: draft.name.trim() };
}

/** The year a holiday just added falls in, to show it; the current one while the date is unreadable. */
export function yearToShow(request: CustomHoliday, current: number): number {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(request.date)?.[1];
  return year ? Number(year) : current;
}

export type HolidayRow = CalendarHolidays["items"][number] & { removed: boolean };

/** One list by date: the holidays that close the calendar, and (marked) the removed ones. */
export function holidayRows(holidays: CalendarHolidays): HolidayRow[] {
  return [
    ...holidays.items.map((holiday) => ({ ...holiday, removed: false })),
    ...holidays.removed.map((holiday) => ({ ...holiday, removed: true })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
