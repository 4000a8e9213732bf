// Business calendar use cases: validated by the SLA engine's own rules, compiled once and reused.
import type { CalendarRequest } from "../../../contracts/sla";
import type { BusinessTime } from "../../../domain/sla/business-time";
import { type BusinessCalendar, validateCalendar } from "../../../domain/sla/calendar";
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
  return {
    timeZone: row.time_zone,
    weeklyHours: JSON.parse(row.weekly_hours),
    holidays: row.holidays === null ? null : JSON.parse(row.holidays),
    closedDates: JSON.parse(row.closed_dates),
    openDates: JSON.parse(row.open_dates),
  };
}

/** The engine's problems become field errors named as the contract names its fields. */
function assertValid(props: CalendarRequest): void {
  const problems = validateCalendar(props);
  if (problems.length === 0) return;
  throw new ValidationError(
    problems.map((p) => ({
      code: "custom" as const,
      path: p.path.split("."),
      message: p.code,
      input: props,
    })),
    props,
  );
}

function rowValues(props: CalendarRequest, now: number) {
  return {
    name: props.name,
    time_zone: props.timeZone,
    weekly_hours: JSON.stringify(props.weeklyHours),
    holidays: props.holidays === null ? null : JSON.stringify(props.holidays),
    closed_dates: JSON.stringify([...props.closedDates].sort()),
    open_dates: JSON.stringify([...props.openDates].sort()),
    updated_at: now,
  };
}

export async function createCalendar(
  ctx: AppContext,
  meta: CommandMeta,
  props: CalendarRequest,
): Promise<CalendarRow> {
  assertValid(props);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const row: CalendarRow = { id: newId(), ...rowValues(props, now), created_at: now };
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
  assertValid(props);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findCalendarRow(trx, id);
    if (!current) throw errors.notFound("calendar.not_found");
    const now = ctx.clock.now();
    const values = rowValues(props, now);
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
