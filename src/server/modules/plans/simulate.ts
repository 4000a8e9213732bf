// "Simular prazo": the first-response and resolution deadlines a ticket opened at a given instant
// would get under a plan, each with its breakdown (what counted, what was skipped and why).
import { DateTime } from "luxon";
import type { Locale } from "../../../contracts/common";
import type { SimulateRequest, SimulateResponse, Target } from "../../../contracts/sla";
import { type BusinessTime, businessTimeFor } from "../../../domain/sla/business-time";
import type { Pause } from "../../../domain/sla/clock";
import { explainDeadline } from "../../../domain/sla/explain";
import { describeExplanation } from "../../../domain/sla/explain-text";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { businessTimeOf } from "./calendars";
import { findCalendarRow, findPlanRow } from "./repository";

function explain(
  calendar: BusinessTime,
  target: Target,
  minutes: number,
  start: number,
  pauses: Pause[],
  locale: Locale,
) {
  const explanation = explainDeadline(businessTimeFor(target, calendar), start, minutes, pauses);
  const iso = (instant: number) => DateTime.fromMillis(instant, { zone: calendar.timeZone }).toISO() ?? "";
  return {
    dueAt: explanation.due === null ? null : iso(explanation.due),
    targetMinutes: minutes,
    businessHours: target.businessHours,
    segments: explanation.segments.map((s) => ({
      kind: s.kind,
      from: iso(s.from),
      to: iso(s.to),
      minutes: s.minutes,
      holidayName: s.holidayName ?? null,
    })),
    lines: describeExplanation(explanation, calendar.timeZone, locale),
  };
}

/** The caller was already authorized for the plan; the explanations are written in `locale`. */
export async function simulateDeadlines(
  ctx: AppContext,
  props: SimulateRequest,
  locale: Locale,
): Promise<SimulateResponse> {
  const plan = await findPlanRow(ctx.db, props.planId);
  if (!plan) throw errors.notFound("plan.not_found");
  const calendarRow = await findCalendarRow(ctx.db, plan.calendar_id);
  if (!calendarRow) throw errors.notFound("calendar.not_found");
  const calendar = businessTimeOf(calendarRow);
  const target = plan.targets[props.priority];
  const start = Date.parse(props.openedAt);
  const pauses = props.pauses.map((p) => ({ from: Date.parse(p.from), to: Date.parse(p.to) }));
  if (pauses.some((p) => p.to < p.from)) throw errors.field("pauses", "validation.pause_order", props);
  const firstResponse = explain(calendar, target, target.firstResponseMinutes, start, pauses, locale);
  const resolution = explain(calendar, target, target.resolutionMinutes, start, pauses, locale);
  return {
    firstResponseDueAt: firstResponse.dueAt,
    resolutionDueAt: resolution.dueAt,
    explanation: { firstResponse, resolution },
  };
}
