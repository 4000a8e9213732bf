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

/**
 * The snapshots a database is known to hold: ids whose insert has committed, learnt by this process.
 * A snapshot row never changes (its id is its content's hash) and none is ever deleted, so an opening
 * whose policy is among them writes nothing for it: one statement less, a round trip on PostgreSQL.
 * An id joins only after its transaction committed (`ticketCommand`): one that rolled back is written
 * again by the next opening.
 */
export class StoredSnapshots {
  private readonly ids = new Set<string>();

  has(id: string): boolean {
    return this.ids.has(id);
  }

  learn(id: string): void {
    // A few per plan and calendar change: the bound only guards against a pathological run.
    if (this.ids.size >= STORED_SNAPSHOTS_LIMIT) this.ids.clear();
    this.ids.add(id);
  }
}

const STORED_SNAPSHOTS_LIMIT = 10_000;
const storedByDatabase = new WeakMap<object, StoredSnapshots>();

/** What this process knows `db` (a database handle, not a transaction) holds. */
export function storedSnapshotsOf(db: object): StoredSnapshots {
  let stored = storedByDatabase.get(db);
  if (!stored) {
    stored = new StoredSnapshots();
    storedByDatabase.set(db, stored);
  }
  return stored;
}

/** The snapshot's id, stored unless `stored` knows it is; `written` says whether this wrote it. */
export async function snapshotPolicyOnce(
  db: Executor,
  policy: SlaPolicy,
  at: number,
  stored: StoredSnapshots,
): Promise<{ id: string; written: boolean }> {
  const snapshot = encodedPolicies.get(policy) ?? encodePolicySnapshot(policy);
  if (stored.has(snapshot.id)) return { id: snapshot.id, written: false };
  return { id: await insertPolicySnapshot(db, snapshot, at), written: true };
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
