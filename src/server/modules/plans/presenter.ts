// Calendar and plan rows to the contract's shapes; the calendar's next holidays are generated here
// from its region (pure: the holiday library, no query).
import { DateTime } from "luxon";
import type { Calendar, Plan } from "../../../contracts/sla";
import { holidaysBetween } from "../../../domain/sla/holidays";
import { toIso } from "../../db/time";
import { calendarOf } from "./calendars";
import type { CalendarRow, PlanWithCalendar } from "./repository";

export function presentCalendar(row: CalendarRow, now: number): Calendar {
  const calendar = calendarOf(row);
  const today = DateTime.fromMillis(now, { zone: calendar.timeZone });
  const from = today.toISODate() ?? "";
  const until = today.plus({ years: 1 }).toISODate() ?? "";
  const upcoming = calendar.holidays
    ? holidaysBetween(calendar.holidays, today.year, today.year + 1).filter(
        (h) => h.date >= from && h.date < until,
      )
    : [];
  return {
    id: row.id,
    name: row.name,
    timeZone: calendar.timeZone,
    weeklyHours: calendar.weeklyHours as Calendar["weeklyHours"],
    holidays: calendar.holidays as Calendar["holidays"],
    closedDates: [...calendar.closedDates],
    openDates: [...calendar.openDates],
    upcomingHolidays: upcoming.map((h) => ({ date: h.date, name: h.name, scope: h.scope })),
    updatedAt: toIso(row.updated_at),
  };
}

export function presentPlan(row: PlanWithCalendar, now: number): Plan {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    calendarId: row.calendar_id,
    calendarName: row.calendar.name,
    calendar: presentCalendar(row.calendar, now),
    services: JSON.parse(row.services),
    targets: JSON.parse(row.targets),
    updatedAt: toIso(row.updated_at),
  };
}
