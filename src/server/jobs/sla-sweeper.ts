// Raises SLA warnings ("vence em breve") and breaches ("violado") as internal history events and
// in-app notifications to the assignee and supervisors, exactly once each even with several server
// processes: a clock is claimed with a conditional update inside the ticket command that writes its
// event and notifications, so only one claimer writes.
import type { AppContext } from "../context";
import { claimFiring, clocksToFire } from "../modules/sla/repository";
import { ticketCommand } from "../modules/tickets/command";
import { opsOf } from "../ops-state";

const BATCH = 200;

export async function sweepSla(ctx: AppContext): Promise<{ warnings: number; breaches: number }> {
  const now = ctx.clock.now();
  const fired = { warnings: 0, breaches: 0 };
  for (const kind of ["warning", "breach"] as const) {
    for (const clock of await clocksToFire(ctx.db, kind, now, BATCH)) {
      // The system's command: the ticket locked like any other command's, then the clock claimed.
      const won = await ticketCommand(ctx, null, async (tx) => {
        const ticket = await tx.openById(clock.ticket_id);
        if (!(await claimFiring(tx.trx, clock.id, kind, now))) return false;
        await ticket.annotate({
          type: kind === "warning" ? "sla_warning" : "sla_breach",
          metric: clock.metric,
        });
        ticket.happen({ type: "sla", metric: clock.metric, state: kind });
        return true;
      });
      if (won) fired[kind === "warning" ? "warnings" : "breaches"] += 1;
    }
  }
  return fired;
}

/** Runs the sweep every `slaSweepMs`; the timer never keeps the process alive. */
export function startSlaSweeper(ctx: AppContext, onError: (error: unknown) => void): { stop(): void } {
  let running = false;
  // Its lag (time since the last successful sweep) is a metric: a stuck sweeper raises no SLA alert.
  const state = opsOf(ctx).slaSweeper;
  state.startedAt = Date.now();
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepSla(ctx)
      .then(() => {
        state.lastSuccessAt = Date.now();
      })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, ctx.config.slaSweepMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
