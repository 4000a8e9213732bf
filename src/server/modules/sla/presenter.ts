// A ticket's deadlines as its page shows them: the current cycle of each, with its state now.
import type { Priority, TicketSla } from "../../../contracts/tickets";
import { slaState } from "../../../domain/sla/clock";
import type { Clock, Metric } from "../../../domain/sla/ticket-clocks";
import { toIsoOrNull } from "../../db/time";
import { businessTimeOf, type SlaPolicy } from "./policy";

const ORDER: Metric[] = ["first_response", "next_response", "resolution"];

export function presentSla(
  policy: SlaPolicy | null,
  clocks: readonly Clock[],
  priority: Priority,
  now: number,
): TicketSla | null {
  if (!policy) return null;
  const current = ORDER.flatMap((metric) => {
    const cycles = clocks.filter((c) => c.metric === metric && c.stoppedAt === null);
    const latest = cycles.at(-1);
    return latest ? [latest] : [];
  });
  return {
    planName: policy.planName,
    deadlines: current.map((clock) => ({
      metric: clock.metric,
      dueAt: toIsoOrNull(clock.dueAt),
      state: slaState({
        businessTime: businessTimeOf(policy, priority),
        start: clock.startedAt,
        targetMinutes: clock.targetMinutes,
        pauses: clock.pauses,
        now,
        metAt: clock.metAt,
        warningShare: policy.warningShare,
      }),
      metAt: toIsoOrNull(clock.metAt),
    })),
  };
}
