// Business-time arithmetic: on a compiled business calendar, or around the clock for 24x7 targets.
import { type BusinessCalendar, validateCalendar } from "./calendar";
import { type ClosedSpan, describeClosedSpan } from "./closed-spans";
import { createDayPlanner } from "./day-plan";
import { SlaError } from "./errors";
import { createYearSource } from "./local-days";
import { Timeline } from "./timeline";

export const MS_PER_MINUTE = 60_000;

export interface Span {
  from: number;
  to: number;
}

/**
 * Instants are epoch milliseconds and the arithmetic runs in whole milliseconds; the minute methods
 * convert targets exactly (minutes × 60 000, rounded to the millisecond) and return fractional
 * minutes when a span is not a whole number of them.
 */
export interface BusinessTime {
  /** Zone for display; the arithmetic itself needs none. */
  readonly timeZone: string;
  /**
   * The instant at which `ms` of business time has passed since `start`: `start` itself for 0,
   * counted from the next opening when `start` is closed. When the time runs out exactly at an
   * interval's end, that end (not the next opening): a due instant always lies in an interval.
   */
  addBusinessMs(start: number, ms: number): number;
  /** Business milliseconds from `from` to `to`; negative when `to` comes first. */
  businessMsBetween(from: number, to: number): number;
  addBusinessMinutes(start: number, minutes: number): number;
  businessMinutesBetween(from: number, to: number): number;
  /** The business intervals overlapping [from, to], clipped to it, in order. */
  businessIntervals(from: number, to: number): Span[];
  /** Why a span without business time is closed (for "Como este prazo foi calculado"). */
  closedSpans(from: number, to: number): ClosedSpan[];
}

interface Arithmetic {
  add(start: number, ms: number): number;
  between(from: number, to: number): number;
  intervals(from: number, to: number): Span[];
  closed(from: number, to: number): ClosedSpan[];
}

/** Refuses an invalid calendar with every problem found; see validateCalendar for the rules. */
export function compileCalendar(calendar: BusinessCalendar): BusinessTime {
  const problems = validateCalendar(calendar);
  if (problems.length > 0) {
    const detail = problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
    throw new SlaError("sla.invalid_calendar", detail, problems);
  }
  const planDay = createDayPlanner(calendar);
  const timeline = new Timeline(createYearSource(calendar.timeZone, planDay));
  return withChecks(calendar.timeZone, {
    add: (start, ms) => timeline.add(start, ms),
    between: (from, to) => timeline.between(from, to),
    intervals: (from, to) => timeline.intervals(from, to).map(([start, end]) => ({ from: start, to: end })),
    closed: (from, to) => describeClosedSpan(calendar.timeZone, planDay, from, to),
  });
}

/** 24x7: business time is plain elapsed time. */
export function aroundTheClock(timeZone: string): BusinessTime {
  return withChecks(timeZone, {
    add: (start, ms) => start + ms,
    between: (from, to) => to - from,
    intervals: (from, to) => (to > from ? [{ from, to }] : []),
    closed: () => [],
  });
}

/** A plan target with `businessHours: false` runs around the clock in the calendar's zone. */
export function businessTimeFor(target: { businessHours: boolean }, calendar: BusinessTime): BusinessTime {
  return target.businessHours ? calendar : aroundTheClock(calendar.timeZone);
}

function withChecks(timeZone: string, arithmetic: Arithmetic): BusinessTime {
  const addBusinessMs = (start: number, ms: number) => arithmetic.add(checkInstant(start), checkDuration(ms));
  const businessMsBetween = (from: number, to: number) =>
    arithmetic.between(checkInstant(from), checkInstant(to));
  return {
    timeZone,
    addBusinessMs,
    businessMsBetween,
    addBusinessMinutes: (start, minutes) => addBusinessMs(start, minutesToMs(minutes)),
    businessMinutesBetween: (from, to) => businessMsBetween(from, to) / MS_PER_MINUTE,
    businessIntervals: (from, to) => arithmetic.intervals(checkInstant(from), checkInstant(to)),
    closedSpans: (from, to) => arithmetic.closed(checkInstant(from), checkInstant(to)),
  };
}

/** A target in minutes as whole milliseconds; refuses a negative or non-finite one. */
export function minutesToMs(minutes: number): number {
  return Math.round(checkDuration(minutes) * MS_PER_MINUTE);
}

function checkInstant(instant: number): number {
  if (Number.isFinite(instant)) return instant;
  throw new SlaError("sla.invalid_instant", `not an instant: ${instant}`);
}

function checkDuration(amount: number): number {
  if (Number.isFinite(amount) && amount >= 0) return amount;
  throw new SlaError("sla.negative_target", `a target must be a finite number ≥ 0, got ${amount}`);
}
