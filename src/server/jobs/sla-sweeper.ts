// Raises SLA warnings ("vence em breve") and breaches ("violado") as internal history events and
// in-app notifications to the assignee and supervisors, exactly once each even with several server
// processes: each firing is part of a ticket command that claims due clocks (marking them fired,
// their tickets locked) and writes their events and notifications in the same transaction. On
// PostgreSQL the claim passes over clocks another process holds, so processes sweeping at once share
// the due clocks instead of queueing behind each other's locks.
import type { AppContext } from "../context";
import { type ClaimedClock, claimDueClocks } from "../modules/sla/repository";
import { ticketCommand } from "../modules/tickets/command";
import { opsOf } from "../ops-state";

/**
 * Clocks fired per transaction. Deadlines bunch up (tickets opened over a weekend all come due
 * Monday morning): one commit per clock made a burst cost a commit each. Small enough that the
 * transaction stays short, as it holds SQLite's one connection and, on PostgreSQL, these tickets.
 */
export const CLAIM_BATCH = 25;

/**
 * Firings of each kind per sweep at most (the rest wait for the next sweep): a sweep's length stays
 * well under the sweeper-lag alert's two intervals (4 000 firings take about 10 s on PostgreSQL here).
 */
export const SWEEP_LIMIT = 2000;

export async function sweepSla(
  ctx: AppContext,
  { limit: sweepLimit = SWEEP_LIMIT }: { limit?: number } = {},
): Promise<{ warnings: number; breaches: number }> {
  const now = ctx.clock.now();
  const fired = { warnings: 0, breaches: 0 };
  for (const kind of ["warning", "breach"] as const) {
    const count = kind === "warning" ? "warnings" : "breaches";
    while (fired[count] < sweepLimit) {
      const limit = Math.min(CLAIM_BATCH, sweepLimit - fired[count]);
      // The system's command: the clocks claimed with their tickets locked, then their alerts written.
      const claimed = await ticketCommand(ctx, null, async (tx) => {
        const clocks = await claimDueClocks(tx.trx, kind, now, limit);
        const tickets = await tx.openByIds(clocks.map((clock) => clock.ticket_id));
        for (const clock of [...clocks].sort(byTicketAndMetric)) {
          const ticket = tickets.get(clock.ticket_id);
          if (!ticket) throw new Error(`SLA sweep: the claimed clock ${clock.id} has no ticket`);
          ticket.annotate({
            type: kind === "warning" ? "sla_warning" : "sla_breach",
            metric: clock.metric,
          });
          ticket.happen({ type: "sla", metric: clock.metric, state: kind });
        }
        return clocks.length;
      });
      fired[count] += claimed;
      // Fewer than asked: none left due, or the rest held by another transaction (a later sweep's).
      if (claimed < limit) break;
    }
  }
  return fired;
}

/** A batch's firings in a stable order: by ticket, first response before resolution, cycle. */
const byTicketAndMetric = (a: ClaimedClock, b: ClaimedClock): number =>
  a.ticket_id.localeCompare(b.ticket_id) || a.metric.localeCompare(b.metric) || a.cycle - b.cycle;

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
