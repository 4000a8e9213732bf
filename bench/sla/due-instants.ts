// Benchmark: due instants on a lunch-break calendar with holidays, against moment-business-time (`npx tsx bench/sla/due-instants.ts [--json]`).
import { pathToFileURL } from "node:url";
import moment from "moment-business-time";
import { type BusinessTime, compileCalendar } from "../../src/domain/sla/business-time";
import type { BusinessCalendar, TimeRange } from "../../src/domain/sla/calendar";
import { type DuePair, randomPairs } from "./random-pairs";

export interface DueInstantsResult {
  /** Our due instants per second: São Paulo, lunch break, BR-SP holidays. */
  ours: number;
  /** moment-business-time's per second, same hours, no holidays (it has no holiday data). */
  theirs: number;
  /** ours / theirs; the goal is at least 5. */
  ratio: number;
  /** Pairs where ours (same hours, no holidays) and moment-business-time disagree; must be 0. */
  differences: number;
  /** Ours on moment-business-time's exact job (no holidays), for a like-for-like reading. */
  oursHolidayFree: number;
  pairs: number;
}

export const GOAL_RATIO = 5;
const PAIRS = 100_000;
const SEED = 20_260_421;
const WARM_UP = 2_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const LUNCH_BREAK: TimeRange[] = [
  ["08:00", "12:00"],
  ["13:00", "18:00"],
];

/**
 * moment-business-time reads hours in the process's zone unless its moments are UTC: the
 * comparison runs both libraries on UTC calendars (moment.utc), so the figures and the 0
 * differences hold whatever TZ the bench runs under, and nothing global is touched.
 */
export async function measureDueInstants(pairCount = PAIRS, seed = SEED): Promise<DueInstantsResult> {
  const pairs = randomPairs(pairCount, seed, FROM, TO);
  const withHolidays = compileCalendar(calendar("America/Sao_Paulo", { country: "BR", state: "SP" }));
  const holidayFree = compileCalendar(calendar("UTC", null));
  configureMoment();

  const ours = rate(pairs, (pair) => withHolidays.addBusinessMinutes(pair.start, pair.minutes));
  const oursHolidayFree = rate(pairs, (pair) => holidayFree.addBusinessMinutes(pair.start, pair.minutes));
  const theirs = rate(pairs, (pair) =>
    moment.utc(pair.start).addWorkingTime(pair.minutes, "minutes").valueOf(),
  );
  const differences = countDifferences(holidayFree, oursHolidayFree.results, theirs.results);
  return {
    ours: ours.perSecond,
    theirs: theirs.perSecond,
    ratio: ours.perSecond / theirs.perSecond,
    differences,
    oursHolidayFree: oursHolidayFree.perSecond,
    pairs: pairCount,
  };
}

function calendar(timeZone: string, holidays: BusinessCalendar["holidays"]): BusinessCalendar {
  const weekday = LUNCH_BREAK;
  return {
    timeZone,
    weeklyHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    holidays,
    closedDates: [],
    openDates: [],
  };
}

function configureMoment(): void {
  const weekday = LUNCH_BREAK.flatMap(([start, end]) => [`${start}:00`, `${end}:00`]);
  moment.updateLocale(moment.locale(), {
    workinghours: { 0: null, 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: null },
    holidays: [],
  });
}

/** Warms up on the first pairs (JIT, and our lazily built years), then times every pair. */
function rate(pairs: DuePair[], due: (pair: DuePair) => number): { perSecond: number; results: number[] } {
  for (const pair of pairs.slice(0, WARM_UP)) due(pair);
  const results = new Array<number>(pairs.length);
  const started = performance.now();
  for (let i = 0; i < pairs.length; i++) results[i] = due(pairs[i] as DuePair);
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: pairs.length / seconds, results };
}

/** An interval's end and the next one's start are the same instant of business time: equal. */
function countDifferences(businessTime: BusinessTime, ours: number[], theirs: number[]): number {
  let differences = 0;
  ours.forEach((instant, i) => {
    const other = theirs[i] ?? Number.NaN;
    if (
      instant !== other &&
      !(Number.isFinite(other) && businessTime.businessMsBetween(instant, other) === 0)
    ) {
      differences++;
    }
  });
  return differences;
}

export function report(result: DueInstantsResult): string {
  const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")} due instants/s`;
  const verdict = result.ratio >= GOAL_RATIO && result.differences === 0 ? "PASS" : "MISS";
  return [
    `SLA due instants, ${result.pairs.toLocaleString("en-US")} random (start, target) pairs, seed ${SEED}`,
    `  ours, São Paulo 08-12 13-18 + BR-SP holidays:  ${perSecond(result.ours)}`,
    `  ours, same hours, no holidays (UTC):           ${perSecond(result.oursHolidayFree)}`,
    `  moment-business-time, no holidays (UTC):       ${perSecond(result.theirs)}`,
    `  ratio ours / moment-business-time:             ${result.ratio.toFixed(1)}x (goal >= ${GOAL_RATIO}x)`,
    `  differing results (no-holiday runs compared):  ${result.differences}`,
    `  ${verdict}`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const result = await measureDueInstants();
  process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(result)}\n` : report(result));
  // A difference is a correctness failure, not a slow run: make it fail a script.
  if (result.differences > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
