// Billing rows to the contract's shapes; nothing here queries. What the caller may do with a row
// comes from the policies, computed per row.
import type { Estimate, TimeEntry, TimeTotals } from "../../../contracts/billing";
import { isStaffRole, type Role } from "../../../contracts/common";
import { type Actor, policies } from "../../../domain/policies";
import { toIso, toIsoOrNull } from "../../db/time";
import type { EstimateWithNames } from "./estimate-repository";
import type { TimeEntryWithNames } from "./time-entry-repository";

const person = (id: string, name: string, role: Role) => ({
  id,
  name,
  staff: isStaffRole(role),
});

export function presentTimeEntry(row: TimeEntryWithNames, actor: Actor): TimeEntry {
  return {
    id: row.id,
    ticketNumber: row.ticket_number,
    user: person(row.user_id, row.user_name, row.user_role),
    minutes: row.minutes,
    note: row.note,
    billable: row.billable === 1,
    workDate: row.work_date,
    createdAt: toIso(row.created_at),
    canDelete: policies.billing.deleteTimeEntry(actor, { userId: row.user_id }) === "allow",
  };
}

export function presentTimeTotals(totals: { minutes: number; billableMinutes: number }): TimeTotals {
  return {
    minutes: totals.minutes,
    billableMinutes: totals.billableMinutes,
    nonBillableMinutes: totals.minutes - totals.billableMinutes,
  };
}

export function presentEstimate(row: EstimateWithNames): Estimate {
  return {
    id: row.id,
    ticketNumber: row.ticket_number,
    minutes: row.minutes,
    description: row.description,
    status: row.status,
    createdBy: person(row.created_by, row.creator_name, row.creator_role),
    createdAt: toIso(row.created_at),
    sentAt: toIsoOrNull(row.sent_at),
    decidedAt: toIsoOrNull(row.decided_at),
    decidedBy:
      row.decided_by && row.decider_name && row.decider_role
        ? person(row.decided_by, row.decider_name, row.decider_role)
        : null,
    decidedMonth: row.decided_month,
  };
}
