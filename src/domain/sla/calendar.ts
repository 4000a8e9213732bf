// A business calendar as an admin writes it, and the checks that make it safe to compute with.
import { DateTime, IANAZone } from "luxon";
import { unknownRegionField } from "./holidays";

/** Indexed like Luxon's `weekday` minus one: Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock times "HH:MM"; the end may be "24:00" (midnight at the end of the day). */
export type TimeRange = readonly [start: string, end: string];

/** Where the public holidays come from; national ones always apply, a state's and a city's on top. */
export interface HolidayRegion {
  country: "BR";
  /** date-holidays state code, e.g. "SP". */
  state?: string;
  /** date-holidays region code inside the state, e.g. "SP" for the city of São Paulo. */
  city?: string;
}

/** A holiday the admin adds to a calendar (a municipal one the library lacks). */
export interface CustomHoliday {
  /** Local date, "YYYY-MM-DD". */
  date: string;
  name: string;
}

export interface BusinessCalendar {
  /** IANA zone the hours and dates are read in, e.g. "America/Sao_Paulo". */
  timeZone: string;
  /** Several ranges a day for split hours (lunch breaks); an empty list closes the day. */
  weeklyHours: Record<Weekday, readonly TimeRange[]>;
  /** null: no public holidays at all. */
  holidays: HolidayRegion | null;
  /** Extra closed days, "YYYY-MM-DD". */
  closedDates: readonly string[];
  /** Extra open days, "YYYY-MM-DD"; they open even on a holiday or a weekend (see day-plan.ts). */
  openDates: readonly string[];
  /**
   * The admin's own holidays, closed like public ones and named in explanations. Optional (absent
   * means none) so that snapshots stored before it existed stay valid calendars.
   */
  customHolidays?: readonly CustomHoliday[];
  /** Generated holidays the admin removed ("YYYY-MM-DD"): those dates count as ordinary days. */
  removedHolidays?: readonly string[];
}

export type CalendarProblemCode =
  | "sla.unknown_time_zone"
  | "sla.bad_time"
  | "sla.interval_empty"
  | "sla.interval_overlap"
  | "sla.no_business_hours"
  | "sla.bad_date"
  | "sla.date_open_and_closed"
  | "sla.unknown_region"
  | "sla.holiday_name_required"
  | "sla.duplicate_holiday";

export interface CalendarProblem {
  /** Dotted path to the offending field, e.g. "weeklyHours.mon.1". */
  path: string;
  /** Stable code, also the i18n key. */
  code: CalendarProblemCode;
  /** English detail for logs and developers; users see the localized code. */
  message: string;
}

export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";
export const MINUTES_PER_DAY = 24 * 60;

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since local midnight; null when not a valid "HH:MM" ("24:00" only where allowed). */
export function parseTime(text: string, allowEndOfDay: boolean): number | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return allowEndOfDay ? MINUTES_PER_DAY : null;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export function isIsoDate(text: string): boolean {
  return DATE.test(text) && DateTime.fromISO(text, { zone: "utc" }).isValid;
}

/**
 * Every problem in the calendar; empty when it can be compiled. Never throws, even on a value that
 * only pretends to be a calendar (a stored JSON column gone wrong): missing lists count as empty.
 */
export function validateCalendar(calendar: BusinessCalendar): CalendarProblem[] {
  return [
    ...zoneProblems(calendar.timeZone),
    ...weeklyHoursProblems(calendar.weeklyHours),
    ...dateProblems(calendar.closedDates ?? [], calendar.openDates ?? []),
    ...regionProblems(calendar.holidays ?? null),
    ...customHolidayProblems(calendar.customHolidays ?? []),
    ...removedHolidayProblems(calendar.removedHolidays ?? []),
  ];
}

function zoneProblems(timeZone: string): CalendarProblem[] {
  if (typeof timeZone === "string" && IANAZone.isValidZone(timeZone)) return [];
  return [problem("timeZone", "sla.unknown_time_zone", `unknown IANA time zone "${String(timeZone)}"`)];
}

function weeklyHoursProblems(weeklyHours: BusinessCalendar["weeklyHours"]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  let validRanges = 0;
  for (const day of WEEKDAYS) {
    const parsed: { index: number; start: number; end: number }[] = [];
    (weeklyHours?.[day] ?? []).forEach((range, index) => {
      const path = `weeklyHours.${day}.${index}`;
      const start = parseTime(String(range?.[0]), false);
      const end = parseTime(String(range?.[1]), true);
      if (start === null || end === null) {
        problems.push(
          problem(path, "sla.bad_time", `expected ["HH:MM", "HH:MM"], got ${JSON.stringify(range)}`),
        );
      } else if (end <= start) {
        problems.push(problem(path, "sla.interval_empty", `${range[0]}–${range[1]} ends before it starts`));
      } else {
        parsed.push({ index, start, end });
      }
    });
    parsed.sort((a, b) => a.start - b.start);
    for (let i = 1; i < parsed.length; i++) {
      const previous = parsed[i - 1];
      const current = parsed[i];
      // Touching ranges (12:00–13:00 then 13:00–18:00) are fine: they simply join.
      if (previous && current && current.start < previous.end) {
        const path = `weeklyHours.${day}.${Math.max(previous.index, current.index)}`;
        problems.push(
          problem(path, "sla.interval_overlap", `overlaps range ${Math.min(previous.index, current.index)}`),
        );
      }
    }
    validRanges += parsed.length;
  }
  if (validRanges === 0) {
    // Open dates borrow weekly hours, so without any the calendar never opens: refuse it.
    problems.push(problem("weeklyHours", "sla.no_business_hours", "no day of the week has business hours"));
  }
  return problems;
}

function dateProblems(closedDates: readonly string[], openDates: readonly string[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const closed = new Set(closedDates);
  closedDates.forEach((date, index) => {
    if (!isIsoDate(String(date)))
      problems.push(problem(`closedDates.${index}`, "sla.bad_date", `not a YYYY-MM-DD date: "${date}"`));
  });
  openDates.forEach((date, index) => {
    const path = `openDates.${index}`;
    if (!isIsoDate(String(date)))
      problems.push(problem(path, "sla.bad_date", `not a YYYY-MM-DD date: "${date}"`));
    else if (closed.has(date))
      problems.push(problem(path, "sla.date_open_and_closed", `${date} is also closed`));
  });
  return problems;
}

function customHolidayProblems(holidays: readonly CustomHoliday[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  holidays.forEach((holiday, index) => {
    const path = `customHolidays.${index}`;
    const date = String(holiday?.date);
    if (!isIsoDate(date))
      problems.push(problem(`${path}.date`, "sla.bad_date", `not a YYYY-MM-DD date: "${date}"`));
    else if (seen.has(date))
      problems.push(problem(`${path}.date`, "sla.duplicate_holiday", `${date} is already a custom holiday`));
    seen.add(date);
    if (typeof holiday?.name !== "string" || holiday.name.trim() === "")
      problems.push(problem(`${path}.name`, "sla.holiday_name_required", "a custom holiday needs a name"));
  });
  return problems;
}

function removedHolidayProblems(dates: readonly string[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  dates.forEach((date, index) => {
    if (!isIsoDate(String(date)))
      problems.push(problem(`removedHolidays.${index}`, "sla.bad_date", `not a YYYY-MM-DD date: "${date}"`));
  });
  return problems;
}

function regionProblems(region: HolidayRegion | null): CalendarProblem[] {
  if (region === null) return [];
  const field = unknownRegionField(region);
  if (field === null) return [];
  return [
    problem(`holidays.${field}`, "sla.unknown_region", `unknown holiday region ${JSON.stringify(region)}`),
  ];
}

function problem(path: string, code: CalendarProblemCode, message: string): CalendarProblem {
  return { path, code, message };
}
