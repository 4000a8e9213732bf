// Support plan use cases: a plan names its calendar, the services it includes and a target per priority.
import type { PlanRequest } from "../../../contracts/sla";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { recordAudit } from "../audit/repository";
import {
  type CalendarRow,
  deletePlan,
  findCalendarRow,
  findPlanRow,
  insertPlan,
  type PlanWithCalendar,
  planInUse,
  planNameTaken,
  updatePlan,
} from "./repository";

/** An archived calendar is refused, unless the plan already counts in it. */
async function check(
  trx: Executor,
  props: PlanRequest,
  exceptId: string | null,
  currentCalendarId: string | null = null,
): Promise<CalendarRow> {
  const calendar = await findCalendarRow(trx, props.calendarId);
  if (!calendar) throw errors.field("calendarId", "validation.calendar_unknown", props);
  if (calendar.archived_at !== null && calendar.id !== currentCalendarId)
    throw errors.field("calendarId", "validation.calendar_archived", props);
  if (await planNameTaken(trx, props.name, exceptId)) throw errors.conflict("plan.name_taken");
  return calendar;
}

function rowValues(props: PlanRequest, now: number) {
  return {
    name: props.name,
    description: props.description,
    calendar_id: props.calendarId,
    services: props.services,
    targets: props.targets,
    updated_at: now,
  };
}

export async function createPlan(
  ctx: AppContext,
  meta: CommandMeta,
  props: PlanRequest,
): Promise<PlanWithCalendar> {
  return ctx.db.transaction().execute(async (trx) => {
    const calendar = await check(trx, props, null);
    const now = ctx.clock.now();
    const row = { id: newId(), ...rowValues(props, now), archived_at: null, created_at: now };
    await insertPlan(trx, row);
    await recordAudit(trx, meta, now, {
      action: "plan.created",
      targetType: "plan",
      targetId: row.id,
      details: props,
    });
    return { ...row, calendar };
  });
}

/** Changes apply to tickets opened afterwards: each ticket keeps the policy it was opened under. */
export async function replacePlan(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  props: PlanRequest,
): Promise<PlanWithCalendar> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findPlanRow(trx, id);
    if (!current) throw errors.notFound("plan.not_found");
    const calendar = await check(trx, props, id, current.calendar_id);
    const now = ctx.clock.now();
    const values = rowValues(props, now);
    await updatePlan(trx, id, values);
    await recordAudit(trx, meta, now, {
      action: "plan.updated",
      targetType: "plan",
      targetId: id,
      details: props,
    });
    return { ...current, ...values, calendar };
  });
}

export async function removePlan(ctx: AppContext, meta: CommandMeta, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findPlanRow(trx, id))) throw errors.notFound("plan.not_found");
    if (await planInUse(trx, id)) throw errors.conflict("plan.in_use");
    await deletePlan(trx, id);
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "plan.deleted",
      targetType: "plan",
      targetId: id,
    });
  });
}
