// Raises SLA warnings ("vence em breve") and breaches ("violado") as internal history events and
// in-app notifications to the assignee and supervisors, exactly once each even with several server
// processes: a clock is claimed with a conditional update inside the transaction that writes its
// event and notifications, so only one claimer writes.
import type { AppContext } from "../context";
import type { LiveEvent } from "../events/bus";
import { publishAll, staffTicketEvent } from "../events/ticket-events";
import { notifySlaAlert } from "../modules/notifications/service";
import { claimFiring, clocksToFire, type Metric } from "../modules/sla/repository";
import { newTicketEvent } from "../modules/tickets/events";
import { insertEvent } from "../modules/tickets/repository";

const BATCH = 200;

export async function sweepSla(ctx: AppContext): Promise<{ warnings: number; breaches: number }> {
  const now = ctx.clock.now();
  const fired = { warnings: 0, breaches: 0 };
  for (const kind of ["warning", "breach"] as const) {
    for (const clock of await clocksToFire(ctx.db, kind, now, BATCH)) {
      const won = await ctx.db.transaction().execute(async (trx) => {
        if (!(await claimFiring(trx, clock.id, kind, now))) return undefined;
        const type = kind === "warning" ? "sla_warning" : "sla_breach";
        await insertEvent(
          trx,
          newTicketEvent(clock.ticket_id, null, now, { type, internal: 1, metric: clock.metric }),
        );
        const recipients = await notifySlaAlert(trx, {
          ticketId: clock.ticket_id,
          type,
          metric: clock.metric as Metric,
          at: now,
        });
        const ticket = await trx
          .selectFrom("ticket")
          .select(["number", "company_id", "status"])
          .where("id", "=", clock.ticket_id)
          .executeTakeFirstOrThrow();
        return {
          ticket: { number: ticket.number, companyId: ticket.company_id, status: ticket.status },
          recipients,
        };
      });
      if (!won) continue;
      fired[kind === "warning" ? "warnings" : "breaches"] += 1;
      await publishAll(ctx, [
        staffTicketEvent("ticket.sla", won.ticket, now, { metric: clock.metric, state: kind }),
        ...won.recipients.map(
          (userId): LiveEvent => ({
            type: "notification",
            audience: { kind: "user", userId },
            data: { ticketNumber: won.ticket.number },
            at: now,
          }),
        ),
      ]);
    }
  }
  return fired;
}

/** Runs the sweep every `slaSweepMs`; the timer never keeps the process alive. */
export function startSlaSweeper(ctx: AppContext, onError: (error: unknown) => void): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepSla(ctx)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, ctx.config.slaSweepMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
