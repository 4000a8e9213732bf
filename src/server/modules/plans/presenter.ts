// Calendar and plan rows to the contract's shapes; a calendar's holidays are generated here from its
// region and its admin's decisions (pure: the holiday library, no query).
import { DateTime } from "luxon";
import type { Calendar, CalendarHolidays, Plan } from "../../../contracts/sla";
import { effectiveHolidays, removedHolidays } from "../../../domain/sla/calendar-holidays";
import { toIso } from "../../db/time";
import { calendarOf } from "./calendars";
import type { CalendarRow, PlanWithCalendar } from "./repository";

export function presentCalendar(row: CalendarRow, now: number): Calendar {
  const calendar = calendarOf(row);
  const today = DateTime.fromMillis(now, { zone: calendar.timeZone });
  const from = today.toISODate() ?? "";
  const until = today.plus({ years: 1 }).toISODate() ?? "";
  const upcoming = effectiveHolidays(calendar, today.year, today.year + 1).filter(
    (h) => h.date >= from && h.date < until,
  );
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    weeklyHours: row.weekly_hours,
    holidays: row.holidays,
    closedDates: row.closed_dates,
    openDates: row.open_dates,
    customHolidays: row.custom_holidays,
    removedHolidays: row.removed_holidays,
    upcomingHolidays: upcoming.map((h) => ({ date: h.date, name: h.name, scope: h.scope })),
    archivedAt: row.archived_at === null ? null : toIso(row.archived_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** One year of the calendar's holidays: those that close it, and the region's ones removed. */
export function presentCalendarHolidays(row: CalendarRow, year: number): CalendarHolidays {
  const calendar = calendarOf(row);
  return {
    calendarId: row.id,
    year,
    items: effectiveHolidays(calendar, year, year).map((h) => ({
      date: h.date,
      name: h.name,
      scope: h.scope,
    })),
    removed: removedHolidays(calendar, year, year).map((h) => ({
      date: h.date,
      name: h.name,
      scope: h.scope,
    })),
  };
}

/** The calendar's current local year. */
export function currentYear(row: CalendarRow, now: number): number {
  return DateTime.fromMillis(now, { zone: row.time_zone }).year;
}

export function presentPlan(row: PlanWithCalendar, now: number): Plan {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    calendarId: row.calendar_id,
    calendarName: row.calendar.name,
    calendar: presentCalendar(row.calendar, now),
    services: row.services,
    targets: row.targets,
    archivedAt: row.archived_at === null ? null : toIso(row.archived_at),
    updatedAt: toIso(row.updated_at),
  };
}
