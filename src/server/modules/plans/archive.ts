// Archiving plans and calendars: hidden from new choices, kept where they are used. Archiving one
// still in use is refused with the names of who uses it, so the admin knows what to move first.
import type { AppContext, CommandMeta } from "../../context";
import { errors } from "../../errors";
import { recordAudit } from "../audit/repository";
import {
  type CalendarRow,
  companiesOnPlan,
  findCalendarRow,
  findPlanRow,
  livePlansOnCalendar,
  type PlanWithCalendar,
  setCalendarArchived,
  setPlanArchived,
} from "./repository";

/** `archived` true archives (refused while a company has the plan), false brings it back. */
export async function setPlanArchive(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  archived: boolean,
): Promise<PlanWithCalendar> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findPlanRow(trx, id);
    if (!current) throw errors.notFound("plan.not_found");
    if (archived === (current.archived_at !== null)) return current;
    if (archived) {
      const companies = await companiesOnPlan(trx, id);
      if (companies.length > 0) throw errors.inUse("plan.archive_in_use", companies);
    }
    const now = ctx.clock.now();
    const archivedAt = archived ? now : null;
    await setPlanArchived(trx, id, archivedAt, now);
    await recordAudit(trx, meta, now, {
      action: archived ? "plan.archived" : "plan.unarchived",
      targetType: "plan",
      targetId: id,
      changes: { archived: { before: !archived, after: archived } },
    });
    return { ...current, archived_at: archivedAt, updated_at: now };
  });
}

/** `archived` true archives (refused while a plan not archived counts in it), false brings it back. */
export async function setCalendarArchive(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  archived: boolean,
): Promise<CalendarRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findCalendarRow(trx, id, { lock: true });
    if (!current) throw errors.notFound("calendar.not_found");
    if (archived === (current.archived_at !== null)) return current;
    if (archived) {
      const plans = await livePlansOnCalendar(trx, id);
      if (plans.length > 0) throw errors.inUse("calendar.archive_in_use", plans);
    }
    const now = ctx.clock.now();
    const archivedAt = archived ? now : null;
    await setCalendarArchived(trx, id, archivedAt, now);
    await recordAudit(trx, meta, now, {
      action: archived ? "calendar.archived" : "calendar.unarchived",
      targetType: "calendar",
      targetId: id,
      changes: { archived: { before: !archived, after: archived } },
    });
    return { ...current, archived_at: archivedAt, updated_at: now };
  });
}
