// The SLA policy a ticket keeps from the moment it is opened: a snapshot of its company's plan (a
// later plan change applies to new tickets only), and the compiled calendar to count it in.

import type { Target } from "../../../contracts/sla";
import type { Priority } from "../../../contracts/tickets";
import { type BusinessTime, businessTimeFor, compileCalendar } from "../../../domain/sla/business-time";
import type { BusinessCalendar } from "../../../domain/sla/calendar";
import type { Executor } from "../../db/schema";
import { calendarOf } from "../plans/calendars";
import { findPlanRow, planOfCompany } from "../plans/repository";

export interface SlaPolicy {
  planId: string;
  planName: string;
  calendarName: string;
  calendar: BusinessCalendar;
  targets: Record<Priority, Target>;
  /** Share of a target after which the ticket is "vence em breve". */
  warningShare: number;
}

export async function policyForCompany(
  db: Executor,
  companyId: string,
  warningShare: number,
): Promise<SlaPolicy | null> {
  const planId = await planOfCompany(db, companyId);
  const plan = planId ? await findPlanRow(db, planId) : undefined;
  if (!plan) return null;
  return {
    planId: plan.id,
    planName: plan.name,
    calendarName: plan.calendar.name,
    calendar: calendarOf(plan.calendar),
    targets: JSON.parse(plan.targets),
    warningShare,
  };
}

export const parsePolicy = (json: string | null): SlaPolicy | null =>
  json === null ? null : JSON.parse(json);

// Compiling builds a year of intervals: snapshots of one plan share one compiled calendar.
const compiled = new Map<string, BusinessTime>();

/** The clock a priority's target counts in: the calendar's business hours, or around the clock. */
export function businessTimeOf(policy: SlaPolicy, priority: Priority): BusinessTime {
  const key = JSON.stringify(policy.calendar);
  let calendar = compiled.get(key);
  if (!calendar) {
    calendar = compileCalendar(policy.calendar);
    if (compiled.size > 100) compiled.clear();
    compiled.set(key, calendar);
  }
  return businessTimeFor(policy.targets[priority], calendar);
}
