// "Como este prazo foi calculado": a deadline broken into counted business time, pauses and closed spans.
import { type BusinessTime, MS_PER_MINUTE, type Span } from "./business-time";
import { dueAt, normalizePauses, type Pause } from "./clock";
import type { ClosedKind } from "./closed-spans";

export type SegmentKind = "counted" | "paused" | ClosedKind;

export interface DeadlineSegment {
  kind: SegmentKind;
  from: number;
  to: number;
  /** Business minutes counted ("counted") or held by a pause ("paused"); 0 for closed spans. */
  minutes: number;
  /** Set on "holiday" segments, e.g. "Dia de Tiradentes". */
  holidayName?: string;
}

export interface DeadlineExplanation {
  start: number;
  targetMinutes: number;
  /** null while an open pause holds the clock before the target is reached. */
  due: number | null;
  /** The open pause's start when `due` is null; the segments stop there. */
  pausedSince: number | null;
  /** Sum of the counted segments: the target itself once `due` is known. */
  countedMinutes: number;
  /** From `start` to `due` (or `pausedSince`), in order, without gaps. */
  segments: DeadlineSegment[];
}

/**
 * Only business time can be paused: a pause running through a night shows as "paused" until the
 * closing time, then as that night, since the night would not have counted anyway.
 */
export function explainDeadline(
  businessTime: BusinessTime,
  start: number,
  targetMinutes: number,
  pauses: readonly Pause[],
): DeadlineExplanation {
  const due = dueAt(businessTime, start, targetMinutes, pauses);
  const normalized = normalizePauses(start, pauses);
  const pausedSince = due === null ? (normalized.find((pause) => pause.to === null)?.from ?? start) : null;
  const end = due ?? pausedSince ?? start;

  const segments: DeadlineSegment[] = [];
  let cursor = start;
  for (const interval of businessTime.businessIntervals(start, end)) {
    if (interval.from > cursor) segments.push(...closedSegments(businessTime, cursor, interval.from));
    segments.push(...splitByPauses(interval, normalized));
    cursor = interval.to;
  }
  if (cursor < end) segments.push(...closedSegments(businessTime, cursor, end));

  const countedMinutes = segments.reduce(
    (sum, segment) => (segment.kind === "counted" ? sum + segment.minutes : sum),
    0,
  );
  return { start, targetMinutes, due, pausedSince, countedMinutes, segments };
}

function closedSegments(businessTime: BusinessTime, from: number, to: number): DeadlineSegment[] {
  return businessTime.closedSpans(from, to).map((span) => ({ ...span, minutes: 0 }));
}

function splitByPauses(interval: Span, pauses: readonly Pause[]): DeadlineSegment[] {
  const segments: DeadlineSegment[] = [];
  let cursor = interval.from;
  for (const pause of pauses) {
    const pauseEnd = Math.min(pause.to ?? interval.to, interval.to);
    if (pause.from >= interval.to || pauseEnd <= cursor) continue;
    if (pause.from > cursor) segments.push(businessSegment("counted", cursor, pause.from));
    segments.push(businessSegment("paused", Math.max(pause.from, cursor), pauseEnd));
    cursor = pauseEnd;
  }
  if (cursor < interval.to) segments.push(businessSegment("counted", cursor, interval.to));
  return segments;
}

function businessSegment(kind: "counted" | "paused", from: number, to: number): DeadlineSegment {
  return { kind, from, to, minutes: (to - from) / MS_PER_MINUTE };
}
