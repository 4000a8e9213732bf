// "Como este prazo foi calculado" for one of a ticket's deadlines, from its clock and policy.
import { DateTime } from "luxon";
import type { Locale } from "../../../contracts/common";
import type { Priority } from "../../../contracts/tickets";
import { explainDeadline } from "../../../domain/sla/explain";
import { describeExplanation } from "../../../domain/sla/explain-text";
import { businessTimeOf, type SlaPolicy } from "./policy";
import type { SlaClockRow } from "./repository";

/** Staff see the counted and skipped spans; everybody gets the plain lines, in `locale`. */
export function explainClock(
  policy: SlaPolicy,
  clock: SlaClockRow,
  priority: Priority,
  withSegments: boolean,
  locale: Locale,
) {
  const businessTime = businessTimeOf(policy, priority);
  const explanation = explainDeadline(businessTime, clock.started_at, clock.target_minutes, clock.pauses);
  const zone = policy.calendar.timeZone;
  const iso = (instant: number) => DateTime.fromMillis(instant, { zone }).toISO() ?? "";
  return {
    dueAt: explanation.due === null ? null : iso(explanation.due),
    targetMinutes: clock.target_minutes,
    businessHours: policy.targets[priority].businessHours,
    segments: withSegments
      ? explanation.segments.map((s) => ({
          kind: s.kind,
          from: iso(s.from),
          to: iso(s.to),
          minutes: s.minutes,
          holidayName: s.holidayName ?? null,
        }))
      : [],
    lines: describeExplanation(explanation, zone, locale),
  };
}
