// Why a span without business time is closed, day by day: night, break, weekend, holiday or closed date.
import { DateTime } from "luxon";
import type { DayPlanner } from "./day-plan";
import { instantOf, localDateOf } from "./local-days";

/** "break" is a gap between two ranges of one day (lunch); "night" is before or after a day's hours. */
export type ClosedKind = "night" | "break" | "weekend" | "holiday" | "closed_date";

export interface ClosedSpan {
  kind: ClosedKind;
  from: number;
  to: number;
  holidayName?: string;
}

/** Consecutive pieces of one kind (and one holiday) are joined: a night runs from closing to opening. */
export function describeClosedSpan(
  timeZone: string,
  planDay: DayPlanner,
  from: number,
  to: number,
): ClosedSpan[] {
  const spans: ClosedSpan[] = [];
  let date = localDateOf(DateTime.fromMillis(from, { zone: timeZone }).startOf("day"));
  let dayStart = instantOf(date, 0, timeZone);
  while (dayStart < to) {
    const next = localDateOf(DateTime.utc(date.year, date.month, date.day).plus({ days: 1 }));
    const nextStart = instantOf(next, 0, timeZone);
    const piece = { from: Math.max(from, dayStart), to: Math.min(to, nextStart) };
    if (piece.to > piece.from) {
      const plan = planDay(date);
      if (plan.open) {
        const opens = instantOf(date, plan.ranges[0]?.start ?? 0, timeZone);
        const closes = instantOf(date, plan.ranges.at(-1)?.end ?? 0, timeZone);
        const kind = piece.to <= opens || piece.from >= closes ? "night" : "break";
        append(spans, { kind, ...piece });
      } else {
        append(spans, {
          kind: plan.reason,
          ...piece,
          ...(plan.holidayName ? { holidayName: plan.holidayName } : {}),
        });
      }
    }
    date = next;
    dayStart = nextStart;
  }
  return spans;
}

function append(spans: ClosedSpan[], span: ClosedSpan): void {
  const last = spans.at(-1);
  if (last && last.kind === span.kind && last.holidayName === span.holidayName && last.to === span.from) {
    last.to = span.to;
  } else {
    spans.push(span);
  }
}
