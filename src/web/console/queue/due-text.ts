// A queue row's deadline as people say it ("vence em 2 h", "venceu há 3 d") and its colour, as of now.
import type { QueueSlaState } from "../../../contracts/queue";
import type { MessageKey } from "../../../i18n";

export type DueTone = "breached" | "due_soon" | "on_time" | "none";

export interface DueText {
  tone: DueTone;
  /** Null when there is no running deadline. */
  message: { key: MessageKey; params: { n: number } } | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Whole units, rounded down (never promising more time than is left): minutes under an hour,
 * hours under two days, then days. The colour follows the server's state, except that a deadline
 * that has passed since the page loaded is breached.
 */
export function dueText(dueAt: string | null, slaState: QueueSlaState, now: number): DueText {
  if (dueAt === null) return { tone: "none", message: null };
  const diff = Date.parse(dueAt) - now;
  const past = diff <= 0;
  const span = Math.abs(diff);
  const [unit, n] =
    span < HOUR
      ? (["Minutes", Math.max(1, Math.floor(span / MINUTE))] as const)
      : span < 48 * HOUR
        ? (["Hours", Math.floor(span / HOUR)] as const)
        : (["Days", Math.floor(span / (24 * HOUR))] as const);
  const key = `queue.due.${past ? "ago" : "in"}${unit}` as MessageKey;
  const tone: DueTone = past
    ? "breached"
    : slaState === "on_time" || slaState === "none"
      ? "on_time"
      : "due_soon";
  return { tone, message: { key, params: { n } } };
}
