// A calendar's holiday decisions, one audited command each: add a custom holiday, remove one, restore one.
import type { CustomHoliday } from "../../../contracts/sla";
import type { BusinessCalendar } from "../../../domain/sla/calendar";
import { effectiveHolidays, generatedHolidayOn } from "../../../domain/sla/calendar-holidays";
import type { AppContext, CommandMeta } from "../../context";
import { errors } from "../../errors";
import { recordAudit } from "../audit/repository";
import { assertValid, calendarOf, holidayDecisionValues } from "./calendars";
import { type CalendarRow, findCalendarRow, updateCalendarHolidays } from "./repository";

/** The contract's limit on each list, so that a calendar read back can be sent back as it is. */
const MAX_DECISIONS = 400;

interface HolidayDecision {
  calendar: BusinessCalendar;
  action: "calendar.holiday_added" | "calendar.holiday_removed" | "calendar.holiday_restored";
  details: Record<string, unknown>;
}

/** Adds a named holiday on a date that is not one yet (a removed generated one's date is free). */
export function addCustomHoliday(
  ctx: AppContext,
  meta: CommandMeta,
  calendarId: string,
  holiday: CustomHoliday,
): Promise<CalendarRow> {
  return decide(ctx, meta, calendarId, holiday, (calendar) => {
    if (holidayOn(calendar, holiday.date)) throw errors.field("date", "validation.holiday_exists", holiday);
    const custom = calendar.customHolidays ?? [];
    if (custom.length >= MAX_DECISIONS) throw errors.field("date", "validation.holiday_limit", holiday);
    return {
      calendar: { ...calendar, customHolidays: [...custom, { date: holiday.date, name: holiday.name }] },
      action: "calendar.holiday_added",
      details: { date: holiday.date, name: holiday.name },
    };
  });
}

/**
 * Removes the holiday a date shows: a custom one is dropped; a generated one is marked removed, so the
 * date counts as an ordinary day (and can be restored).
 */
export function removeHoliday(
  ctx: AppContext,
  meta: CommandMeta,
  calendarId: string,
  date: string,
): Promise<CalendarRow> {
  const input = { date };
  return decide(ctx, meta, calendarId, input, (calendar) => {
    const holiday = holidayOn(calendar, date);
    if (!holiday) throw errors.field("date", "validation.not_a_holiday", input);
    const details = { date, name: holiday.name, scope: holiday.scope };
    if (holiday.scope === "custom") {
      const customHolidays = (calendar.customHolidays ?? []).filter((custom) => custom.date !== date);
      return { calendar: { ...calendar, customHolidays }, action: "calendar.holiday_removed", details };
    }
    const removed = calendar.removedHolidays ?? [];
    if (removed.length >= MAX_DECISIONS) throw errors.field("date", "validation.holiday_limit", input);
    return {
      calendar: { ...calendar, removedHolidays: [...removed, date] },
      action: "calendar.holiday_removed",
      details,
    };
  });
}

/** Takes a removed generated holiday back. */
export function restoreHoliday(
  ctx: AppContext,
  meta: CommandMeta,
  calendarId: string,
  date: string,
): Promise<CalendarRow> {
  const input = { date };
  return decide(ctx, meta, calendarId, input, (calendar) => {
    const removed = calendar.removedHolidays ?? [];
    if (!removed.includes(date)) throw errors.field("date", "validation.holiday_not_removed", input);
    return {
      calendar: { ...calendar, removedHolidays: removed.filter((other) => other !== date) },
      action: "calendar.holiday_restored",
      details: { date, name: generatedHolidayOn(calendar, date)?.name ?? null },
    };
  });
}

/** One transaction: the calendar locked, the decision taken on what is stored, checked, written, audited. */
function decide(
  ctx: AppContext,
  meta: CommandMeta,
  calendarId: string,
  input: unknown,
  decideOn: (calendar: BusinessCalendar) => HolidayDecision,
): Promise<CalendarRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findCalendarRow(trx, calendarId, { lock: true });
    if (!current) throw errors.notFound("calendar.not_found");
    const decision = decideOn(calendarOf(current));
    assertValid(decision.calendar, input);
    const now = ctx.clock.now();
    const values = { ...holidayDecisionValues(decision.calendar), updated_at: now };
    await updateCalendarHolidays(trx, calendarId, values);
    await recordAudit(trx, meta, now, {
      action: decision.action,
      targetType: "calendar",
      targetId: calendarId,
      details: decision.details,
    });
    return { ...current, ...values };
  });
}

function holidayOn(calendar: BusinessCalendar, date: string) {
  const year = Number(date.slice(0, 4));
  return effectiveHolidays(calendar, year, year).find((holiday) => holiday.date === date);
}
