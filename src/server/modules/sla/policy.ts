// The SLA policy a ticket keeps from the moment it is opened: a snapshot of its company's plan (a
// later plan change applies to new tickets only), and the compiled calendar to count it in.

import type { Priority } from "../../../contracts/tickets";
import { type BusinessTime, businessTimeFor } from "../../../domain/sla/business-time";
import type { SlaPolicy } from "../../../domain/sla/policy";
import { PreparedQuery } from "../../db/prepared";
import type { Executor } from "../../db/schema";
import { calendarOf } from "../plans/calendars";
import { findPlanRow } from "../plans/repository";
import { compiledCalendar } from "./compiled-calendars";
import { encodePolicySnapshot, findPolicySnapshot, insertPolicySnapshot } from "./repository";

export type { SlaPolicy };

/**
 * Policies built from plans, by the stored text they were built from: the same text gives the same
 * policy, so a company's opening decodes its plan and calendar and hashes the snapshot only when that
 * text changes. The key is the text as read in the caller's transaction, so no change is ever missed.
 */
const builtPolicies = new Map<string, SlaPolicy>();
const BUILT_POLICIES_LIMIT = 200;
/** The snapshot text and id of a policy built here, so that snapshotting it hashes nothing again. */
const encodedPolicies = new WeakMap<SlaPolicy, ReturnType<typeof encodePolicySnapshot>>();

/** The stored text of a company's plan and calendar: every opening reads it (compiled once). */
const companyPlan = PreparedQuery.single((db, values: { companyId: string }) =>
  db
    .selectFrom("company")
    .innerJoin("plan", "plan.id", "company.plan_id")
    .innerJoin("business_calendar as c", "c.id", "plan.calendar_id")
    .select([
      "plan.id",
      "plan.name",
      "plan.targets",
      "c.name as calendar_name",
      "c.time_zone",
      "c.weekly_hours",
      "c.holidays",
      "c.closed_dates",
      "c.open_dates",
      "c.custom_holidays",
      "c.removed_holidays",
    ])
    .where("company.id", "=", values.companyId),
);

/** The policy of the company's plan now, or null when it has none. */
export async function policyForCompany(
  db: Executor,
  companyId: string,
  warningShare: number,
): Promise<SlaPolicy | null> {
  const stored = await companyPlan.executeTakeFirst(db, null, { companyId });
  if (!stored) return null;
  const key = `${warningShare}\u0000${Object.values(stored).join("\u0000")}`;
  const built = builtPolicies.get(key);
  if (built) return built;
  const policy = await buildPolicy(db, stored.id, warningShare);
  if (!policy) return null;
  if (builtPolicies.size >= BUILT_POLICIES_LIMIT) builtPolicies.clear();
  builtPolicies.set(key, policy);
  encodedPolicies.set(policy, encodePolicySnapshot(policy));
  return policy;
}

async function buildPolicy(db: Executor, planId: string, warningShare: number): Promise<SlaPolicy | null> {
  const plan = await findPlanRow(db, planId);
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
  return insertPolicySnapshot(db, encodedPolicies.get(policy) ?? encodePolicySnapshot(policy), at);
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
