// The console's queue keys on a ticket, derived from its SLA clocks: the earliest due instant and
// the earliest warning instant among the clocks that run. Kept in the same transaction as the clocks.
import type { Priority } from "../../../contracts/tickets";
import { type Clock, queueKeysOf } from "../../../domain/sla/ticket-clocks";

/** Sorts after every real instant (9999-12-31): a ticket with no running deadline goes last. */
export const NO_DUE = 253_402_300_799_999;

export interface QueueKeys {
  queue_due_at: number;
  queue_warn_at: number | null;
}

/** The ticket columns the queue sorts and filters on, for these clocks. */
export function queueKeysFrom(clocks: readonly Clock[]): QueueKeys {
  const keys = queueKeysOf(clocks);
  return { queue_due_at: keys.dueAt ?? NO_DUE, queue_warn_at: keys.warnAt };
}

const PRIORITY_ORDER: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** urgent 0 … low 3: the "by priority" queue key, ascending like the others. */
export const priorityOrder = (priority: Priority): number => PRIORITY_ORDER[priority];

/** Null when there is no deadline to show. */
export const dueOrNull = (queueDueAt: number): number | null => (queueDueAt === NO_DUE ? null : queueDueAt);
