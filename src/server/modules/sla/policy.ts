// The SLA policy a ticket keeps from the moment it is opened: a snapshot of its company's plan (a
// later plan change applies to new tickets only), and the compiled calendar to count it in.

import type { Priority } from "../../../contracts/tickets";
import { type BusinessTime, businessTimeFor } from "../../../domain/sla/business-time";
import type { SlaPolicy } from "../../../domain/sla/policy";
import type { Executor } from "../../db/schema";
import { calendarOf } from "../plans/calendars";
import { findPlanRow, planOfCompany } from "../plans/repository";
import { compiledCalendar } from "./compiled-calendars";
import { findPolicySnapshot, insertPolicySnapshot } from "./repository";

export type { SlaPolicy };

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
    targets: plan.targets,
    warningShare,
  };
}

/** Stores the snapshot once (content-addressed) and returns its id. */
export function snapshotPolicy(db: Executor, policy: SlaPolicy, at: number): Promise<string> {
  return insertPolicySnapshot(db, policy, at);
}

// A snapshot never changes once written (its id is its content's hash): safe to keep in memory.
const snapshots = new Map<string, SlaPolicy>();

export async function loadPolicy(db: Executor, id: string | null): Promise<SlaPolicy | null> {
  if (id === null) return null;
  const cached = snapshots.get(id);
  if (cached) return cached;
  const policy = await findPolicySnapshot(db, id);
  if (policy === undefined) return null;
  if (snapshots.size > 1000) snapshots.clear();
  snapshots.set(id, policy);
  return policy;
}

/** The clock a priority's target counts in: the calendar's business hours, or around the clock. */
export function businessTimeOf(policy: SlaPolicy, priority: Priority): BusinessTime {
  return businessTimeFor(policy.targets[priority], compiledCalendar(policy.calendar));
}
