// The SLA policy a ticket keeps from the moment it is opened (its plan's calendar and targets), and
// what it tells the ticket's clocks.
import type { Target } from "../../contracts/sla";
import type { Priority } from "../../contracts/tickets";
import { type BusinessTime, businessTimeFor } from "./business-time";
import type { BusinessCalendar } from "./calendar";
import type { ClockRules, Metric } from "./ticket-clocks";

export interface SlaPolicy {
  planId: string;
  planName: string;
  calendarName: string;
  calendar: BusinessCalendar;
  targets: Record<Priority, Target>;
  /** Share of a target after which the ticket is "vence em breve". */
  warningShare: number;
}

const TARGET_OF: Record<Metric, keyof Omit<Target, "businessHours">> = {
  first_response: "firstResponseMinutes",
  next_response: "nextResponseMinutes",
  resolution: "resolutionMinutes",
};

export function targetMinutesOf(policy: SlaPolicy, metric: Metric, priority: Priority): number {
  return policy.targets[priority][TARGET_OF[metric]];
}

/**
 * The clock rules of a policy. `compile` turns the calendar into business time (the server keeps
 * compiled calendars, which take tens of milliseconds to build, in a cache).
 */
export function clockRulesOf(
  policy: SlaPolicy,
  compile: (calendar: BusinessCalendar) => BusinessTime,
): ClockRules {
  return {
    targetMinutes: (metric, priority) => targetMinutesOf(policy, metric, priority),
    businessTime: (priority) => businessTimeFor(policy.targets[priority], compile(policy.calendar)),
    warningShare: policy.warningShare,
  };
}
