// Raises SLA warnings ("vence em breve") and breaches ("violado") as internal history events and
// in-app notifications to the assignee and supervisors, exactly once each even with several server
// processes: each firing is a ticket command that claims one due clock (marking it fired, its ticket
// locked) and writes its event and notifications in the same transaction. On PostgreSQL the claim
// passes over clocks another process holds, so processes sweeping at once share the due clocks
// instead of queueing behind each other's locks.
import type { AppContext } from "../context";
import { claimDueClock } from "../modules/sla/repository";
import { ticketCommand } from "../modules/tickets/command";
import { opsOf } from "../ops-state";

/** Firings of each kind per sweep at most: the rest wait for the next sweep. */
const BATCH = 200;

export async function sweepSla(ctx: AppContext): Promise<{ warnings: number; breaches: number }> {
  const now = ctx.clock.now();
  const fired = { warnings: 0, breaches: 0 };
  for (const kind of ["warning", "breach"] as const) {
    for (let count = 0; count < BATCH; count++) {
      // The system's command: the clock claimed with its ticket locked, then its alert written.
      const clock = await ticketCommand(ctx, null, async (tx) => {
        const claimed = await claimDueClock(tx.trx, kind, now);
        if (!claimed) return undefined;
        const ticket = await tx.openById(claimed.ticket_id);
        await ticket.annotate({
          type: kind === "warning" ? "sla_warning" : "sla_breach",
          metric: claimed.metric,
        });
        ticket.happen({ type: "sla", metric: claimed.metric, state: kind });
        return claimed;
      });
      if (!clock) break;
      fired[kind === "warning" ? "warnings" : "breaches"] += 1;
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
