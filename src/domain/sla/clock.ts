// The SLA clock as pure functions: due instants pushed by pauses, business time elapsed, state at an instant.
import { type BusinessTime, MS_PER_MINUTE, minutesToMs } from "./business-time";
import { SlaError } from "./errors";

/** A span in which the clock stops (e.g. waiting for the customer). */
export interface Pause {
  from: number;
  /** null while the pause goes on. */
  to: number | null;
}

export type SlaState = "on_time" | "due_soon" | "paused" | "breached" | "met";

/** Share of the target after which a running clock reads "due_soon". */
export const DEFAULT_WARNING_SHARE = 0.8;

export interface SlaClockInput {
  businessTime: BusinessTime;
  start: number;
  targetMinutes: number;
  pauses: readonly Pause[];
  now: number;
  /** When the target was met (e.g. the first reply was sent); null or absent while it is not. */
  metAt?: number | null;
  warningShare?: number;
}

/**
 * The instant the target's business time has run while not paused: `start + target` pushed by the
 * business time inside each pause that begins before it. Null while an open pause holds the clock
 * before the target is reached: no due instant exists until it ends.
 */
export function dueAt(
  businessTime: BusinessTime,
  start: number,
  targetMinutes: number,
  pauses: readonly Pause[],
): number | null {
  let remaining = minutesToMs(targetMinutes);
  if (remaining === 0) return start;
  let cursor = start;
  for (const pause of normalizePauses(start, pauses)) {
    const available = businessTime.businessMsBetween(cursor, pause.from);
    // Reached exactly as the pause begins: the pause came too late to move anything.
    if (remaining <= available) return businessTime.addBusinessMs(cursor, remaining);
    remaining -= available;
    if (pause.to === null) return null;
    cursor = pause.to;
  }
  return businessTime.addBusinessMs(cursor, remaining);
}

/** Business minutes the clock has run from `start` to `now`, paused spans left out. */
export function elapsedBusinessMinutes(
  businessTime: BusinessTime,
  start: number,
  now: number,
  pauses: readonly Pause[],
): number {
  if (now <= start) return 0;
  let elapsed = businessTime.businessMsBetween(start, now);
  for (const pause of normalizePauses(start, pauses)) {
    if (pause.from >= now) break;
    elapsed -= businessTime.businessMsBetween(pause.from, Math.min(pause.to ?? now, now));
  }
  return elapsed / MS_PER_MINUTE;
}

/**
 * "met" when met at or before the due instant (late: "breached"); otherwise "breached" past it,
 * even while paused; "paused" in a pause; "due_soon" once the warning share of the target ran.
 */
export function slaState(input: SlaClockInput): SlaState {
  const { businessTime, start, targetMinutes, pauses, now } = input;
  const warningShare = input.warningShare ?? DEFAULT_WARNING_SHARE;
  if (!(warningShare >= 0 && warningShare <= 1)) {
    throw new SlaError(
      "sla.invalid_warning_share",
      `the warning share must lie in [0, 1], got ${warningShare}`,
    );
  }
  if (input.metAt !== undefined && input.metAt !== null) {
    const due = dueAt(businessTime, start, targetMinutes, endOpenPauses(pauses, input.metAt));
    return due !== null && input.metAt <= due ? "met" : "breached";
  }
  const due = dueAt(businessTime, start, targetMinutes, endOpenPauses(pauses, now));
  if (due !== null && now > due) return "breached";
  if (isPausedAt(pauses, now)) return "paused";
  const elapsed = elapsedBusinessMinutes(businessTime, start, now, pauses);
  return elapsed >= warningShare * targetMinutes ? "due_soon" : "on_time";
}

export function isPausedAt(pauses: readonly Pause[], instant: number): boolean {
  return pauses.some((pause) => pause.from <= instant && (pause.to === null || pause.to > instant));
}

/**
 * Pauses clipped to `start`, sorted, overlapping or touching ones joined; an open pause swallows
 * every later one. Refuses a pause that ends before it begins.
 */
export function normalizePauses(start: number, pauses: readonly Pause[]): Pause[] {
  const sorted = pauses.map((pause) => checkPause(pause)).sort((a, b) => a.from - b.from);
  const joined: Pause[] = [];
  for (const pause of sorted) {
    if (pause.to !== null && pause.to <= start) continue;
    const clipped = { from: Math.max(pause.from, start), to: pause.to };
    const last = joined.at(-1);
    if (last && (last.to === null || clipped.from <= last.to)) {
      if (last.to !== null) last.to = clipped.to === null ? null : Math.max(last.to, clipped.to);
    } else if (clipped.to === null || clipped.to > clipped.from) {
      joined.push(clipped);
    }
  }
  return joined;
}

/** The clock as read at an instant: a pause still open then ends then; one opened later is ignored. */
function endOpenPauses(pauses: readonly Pause[], at: number): Pause[] {
  return pauses
    .filter((pause) => pause.to !== null || pause.from <= at)
    .map((pause) => ({ ...pause, to: pause.to ?? at }));
}

function checkPause(pause: Pause): Pause {
  const valid =
    Number.isFinite(pause.from) &&
    (pause.to === null || (Number.isFinite(pause.to) && pause.to >= pause.from));
  if (valid) return pause;
  throw new SlaError("sla.invalid_pause", `a pause must end after it begins: ${JSON.stringify(pause)}`);
}
