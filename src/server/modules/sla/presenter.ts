// A ticket's deadlines as its page shows them: the current cycle of each, with its state now.
import type { Priority, TicketSla } from "../../../contracts/tickets";
import { slaState } from "../../../domain/sla/clock";
import { toIsoOrNull } from "../../db/time";
import { businessTimeOf, type SlaPolicy } from "./policy";
import type { Metric, SlaClockRow } from "./repository";

const ORDER: Metric[] = ["first_response", "next_response", "resolution"];

export function presentSla(
  policy: SlaPolicy | null,
  clocks: SlaClockRow[],
  priority: Priority,
  now: number,
): TicketSla | null {
  if (!policy) return null;
  const current = ORDER.flatMap((metric) => {
    const cycles = clocks.filter((c) => c.metric === metric && c.stopped_at === null);
    const latest = cycles.at(-1);
    return latest ? [latest] : [];
  });
  return {
    planName: policy.planName,
    deadlines: current.map((clock) => ({
      metric: clock.metric,
      dueAt: toIsoOrNull(clock.due_at),
      state: slaState({
        businessTime: businessTimeOf(policy, priority),
        start: clock.started_at,
        targetMinutes: clock.target_minutes,
        pauses: clock.pauses,
        now,
        metAt: clock.met_at,
        warningShare: policy.warningShare,
      }),
      metAt: toIsoOrNull(clock.met_at),
    })),
  };
}
