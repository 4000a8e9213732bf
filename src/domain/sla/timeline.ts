// A calendar's business intervals as one sorted list of epoch-ms ranges with running totals, grown a year at a time.
import { SlaError } from "./errors";

/** What a timeline needs from a calendar: its local years and their business intervals. */
export interface YearSource {
  /** The local year an instant falls in. */
  yearOf(instant: number): number;
  /** The instant the local year starts (its 1 January, 00:00 local). */
  startOfYear(year: number): number;
  /** The year's business intervals as [start, end) epoch-ms pairs, sorted, disjoint, inside the year. */
  intervalsOfYear(year: number): readonly (readonly [number, number])[];
}

/** How far past its start's year an addition may look for business time before giving up. */
export const HORIZON_YEARS = 10;
/** Years the timeline accepts instants in; a guard against absurd input, not a business rule. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/**
 * Each instant has a position: the business milliseconds between the timeline's origin and it.
 * Adding business time and measuring it are then two binary searches, whatever the gap between
 * intervals (nights, weekends, a year of closed days), so no loop depends on the amount added.
 */
export class Timeline {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Position at the start of interval i. */
  private readonly before: number[] = [];
  private firstYear = 0;
  private lastYear = -1;
  /** The covered years' bounds as instants, [coveredFrom, coveredTo). */
  private coveredFrom = 0;
  private coveredTo = 0;

  constructor(private readonly source: YearSource) {}

  /** The instant `ms` business milliseconds after `start`; when that is an interval's end, the end. */
  add(start: number, ms: number): number {
    if (ms === 0) return start;
    this.cover(start);
    const target = this.position(start) + ms;
    const lastAllowed = () => this.source.yearOf(start) + HORIZON_YEARS;
    while (this.total() < target) {
      if (this.lastYear >= lastAllowed()) {
        throw new SlaError(
          "sla.beyond_horizon",
          `the calendar has less than ${ms} ms of business time within ${HORIZON_YEARS} years of ${new Date(start).toISOString()}`,
        );
      }
      this.appendYear();
    }
    return this.instantAt(target);
  }

  /** Business milliseconds from `from` to `to`; negative when `to` comes first. */
  between(from: number, to: number): number {
    this.cover(from);
    this.cover(to);
    return this.position(to) - this.position(from);
  }

  /** The business intervals overlapping [from, to], clipped to it. */
  intervals(from: number, to: number): [number, number][] {
    if (to <= from) return [];
    this.cover(from);
    this.cover(to);
    const result: [number, number][] = [];
    for (let i = Math.max(0, this.lastStartingBy(from)); i < this.starts.length; i++) {
      const start = this.starts[i] ?? to;
      const end = this.ends[i] ?? to;
      if (start >= to) break;
      if (end > from) result.push([Math.max(start, from), Math.min(end, to)]);
    }
    return result;
  }

  private position(instant: number): number {
    const i = this.lastStartingBy(instant);
    if (i < 0) return 0;
    const start = this.starts[i] ?? 0;
    const end = this.ends[i] ?? 0;
    return (this.before[i] ?? 0) + Math.min(instant, end) - start;
  }

  /** The first instant at a position (> 0, within the covered years). */
  private instantAt(target: number): number {
    // First interval whose end position reaches the target: an interval's end beats the next start.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.endPosition(middle) >= target) high = middle;
      else low = middle + 1;
    }
    return (this.starts[low] ?? 0) + target - (this.before[low] ?? 0);
  }

  /** Index of the last interval starting at or before the instant; -1 if none. */
  private lastStartingBy(instant: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.starts[middle] ?? 0) <= instant) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }

  private endPosition(i: number): number {
    return (this.before[i] ?? 0) + (this.ends[i] ?? 0) - (this.starts[i] ?? 0);
  }

  private total(): number {
    return this.starts.length === 0 ? 0 : this.endPosition(this.starts.length - 1);
  }

  private cover(instant: number): void {
    if (!Number.isFinite(instant)) {
      throw new SlaError("sla.invalid_instant", `not an instant: ${instant}`);
    }
    if (this.lastYear < this.firstYear) {
      const year = this.checkedYear(this.source.yearOf(instant));
      this.firstYear = year;
      this.lastYear = year - 1;
      this.coveredFrom = this.source.startOfYear(year);
      this.coveredTo = this.coveredFrom;
      this.appendYear();
    }
    // Check the instant's year before building every year up to it.
    if (instant < this.coveredFrom || instant >= this.coveredTo)
      this.checkedYear(this.source.yearOf(instant));
    while (instant < this.coveredFrom) this.prependYear();
    while (instant >= this.coveredTo) this.appendYear();
  }

  private appendYear(): void {
    const year = this.checkedYear(this.lastYear + 1);
    for (const [start, end] of this.source.intervalsOfYear(year)) this.push(start, end);
    this.lastYear = year;
    this.coveredTo = this.source.startOfYear(year + 1);
  }

  /** Rare (an instant before everything seen so far): rebuild, since every position shifts. */
  private prependYear(): void {
    const year = this.checkedYear(this.firstYear - 1);
    const later = this.starts.map((start, i): [number, number] => [start, this.ends[i] ?? start]);
    this.starts.length = 0;
    this.ends.length = 0;
    this.before.length = 0;
    for (const [start, end] of [...this.source.intervalsOfYear(year), ...later]) this.push(start, end);
    this.firstYear = year;
    this.coveredFrom = this.source.startOfYear(year);
  }

  private push(start: number, end: number): void {
    const last = this.starts.length - 1;
    // Touching intervals (a day open until 24:00, the next from 00:00) become one.
    if (last >= 0 && this.ends[last] === start) {
      this.ends[last] = end;
      return;
    }
    this.before.push(this.total());
    this.starts.push(start);
    this.ends.push(end);
  }

  private checkedYear(year: number): number {
    if (year >= FIRST_YEAR && year <= LAST_YEAR) return year;
    throw new SlaError("sla.invalid_instant", `year ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  }
}
