// Business calendar use cases: validated by the SLA engine's own rules, compiled once and reused.
import type { CalendarRequest } from "../../../contracts/sla";
import type { BusinessTime } from "../../../domain/sla/business-time";
import { type BusinessCalendar, validateCalendar } from "../../../domain/sla/calendar";
import { generatedHolidayOn } from "../../../domain/sla/calendar-holidays";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { errors, ValidationError } from "../../errors";
import { recordAudit } from "../audit/repository";
import { compiledCalendar } from "../sla/compiled-calendars";
import {
  type CalendarRow,
  calendarInUse,
  deleteCalendar,
  findCalendarRow,
  insertCalendar,
  updateCalendar,
} from "./repository";

export function calendarOf(row: CalendarRow): BusinessCalendar {
  const { custom_holidays: customHolidays, removed_holidays: removedHolidays } = row;
  return {
    timeZone: row.time_zone,
    weeklyHours: row.weekly_hours,
    holidays: row.holidays,
    closedDates: row.closed_dates,
    openDates: row.open_dates,
    // Left out when empty: a calendar without them keeps the JSON it had before they existed, so its
    // compiled-calendar key and policy snapshot hash stay the same.
    ...(customHolidays.length > 0 && { customHolidays }),
    ...(removedHolidays.length > 0 && { removedHolidays }),
  };
}

/** The engine's problems become field errors named as the contract names its fields. */
export function assertValid(calendar: BusinessCalendar, input: unknown): void {
  const problems = validateCalendar(calendar);
  if (problems.length === 0) return;
  throw new ValidationError(
    problems.map((p) => ({
      code: "custom" as const,
      path: p.path.split("."),
      message: p.code,
      input,
    })),
    input,
  );
}

/**
 * The calendar a request describes. Holiday decisions it leaves out are kept from `stored` (none on
 * creation), so a client that predates them cannot wipe them by saving the hours.
 */
function calendarFrom(props: CalendarRequest, stored: BusinessCalendar | null): BusinessCalendar {
  return {
    timeZone: props.timeZone,
    weeklyHours: props.weeklyHours,
    holidays: props.holidays,
    closedDates: props.closedDates,
    openDates: props.openDates,
    customHolidays: props.customHolidays ?? stored?.customHolidays ?? [],
    removedHolidays: props.removedHolidays ?? stored?.removedHolidays ?? [],
  };
}

/** A date newly listed as removed must be one of the region's holidays; stored ones may have aged. */
function assertRemovable(calendar: BusinessCalendar, stored: BusinessCalendar | null, input: unknown): void {
  const before = new Set(stored?.removedHolidays ?? []);
  const removed = calendar.removedHolidays ?? [];
  const index = removed.findIndex((date) => !before.has(date) && !generatedHolidayOn(calendar, date));
  if (index >= 0) throw errors.field(`removedHolidays.${index}`, "validation.not_a_holiday", input);
}

/** The holiday decisions as stored: sorted by date, removed dates once each. */
export function holidayDecisionValues(calendar: BusinessCalendar) {
  const customHolidays = [...(calendar.customHolidays ?? [])].map(({ date, name }) => ({ date, name }));
  return {
    custom_holidays: customHolidays.sort((a, b) => (a.date < b.date ? -1 : 1)),
    removed_holidays: [...new Set(calendar.removedHolidays ?? [])].sort(),
  };
}

/** A calendar request as stored, with the holiday decisions `calendar` keeps. */
function calendarValues(props: CalendarRequest, calendar: BusinessCalendar) {
  return {
    time_zone: props.timeZone,
    weekly_hours: props.weeklyHours,
    holidays: props.holidays,
    closed_dates: [...props.closedDates].sort(),
    open_dates: [...props.openDates].sort(),
    ...holidayDecisionValues(calendar),
  };
}

export async function createCalendar(
  ctx: AppContext,
  meta: CommandMeta,
  props: CalendarRequest,
): Promise<CalendarRow> {
  const calendar = calendarFrom(props, null);
  assertValid(calendar, props);
  assertRemovable(calendar, null, props);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const row: CalendarRow = {
      id: newId(),
      name: props.name,
      ...calendarValues(props, calendar),
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    await insertCalendar(trx, row);
    await recordAudit(trx, meta, now, {
      action: "calendar.created",
      targetType: "calendar",
      targetId: row.id,
      details: props,
    });
    return row;
  });
}

export async function replaceCalendar(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  props: CalendarRequest,
): Promise<CalendarRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findCalendarRow(trx, id, { lock: true });
    if (!current) throw errors.notFound("calendar.not_found");
    const stored = calendarOf(current);
    const calendar = calendarFrom(props, stored);
    assertValid(calendar, props);
    assertRemovable(calendar, stored, props);
    const now = ctx.clock.now();
    const values = { name: props.name, ...calendarValues(props, calendar), updated_at: now };
    await updateCalendar(trx, id, values);
    await recordAudit(trx, meta, now, {
      action: "calendar.updated",
      targetType: "calendar",
      targetId: id,
      details: props,
    });
    return { ...current, ...values };
  });
}

export async function removeCalendar(ctx: AppContext, meta: CommandMeta, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findCalendarRow(trx, id))) throw errors.notFound("calendar.not_found");
    if (await calendarInUse(trx, id)) throw errors.conflict("calendar.in_use");
    await deleteCalendar(trx, id);
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "calendar.deleted",
      targetType: "calendar",
      targetId: id,
    });
  });
}

export function businessTimeOf(row: CalendarRow): BusinessTime {
  return compiledCalendar(calendarOf(row));
}
