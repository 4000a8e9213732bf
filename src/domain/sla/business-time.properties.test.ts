import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aroundTheClock, type BusinessTime, compileCalendar, MS_PER_MINUTE } from "./business-time";
import { dueAt } from "./clock";
import { at, newYorkCalendar, saoPauloCalendar } from "./test-fixtures";

const RUNS = { numRuns: 300 };

const calendars: [string, BusinessTime][] = [
  ["São Paulo, lunch break and holidays", compileCalendar(saoPauloCalendar({ closedDates: ["2026-12-24"] }))],
  [
    "New York across daylight saving, with a Saturday morning",
    compileCalendar(
      newYorkCalendar({
        weeklyHours: {
          ...newYorkCalendar().weeklyHours,
          wed: [
            ["09:00", "12:30"],
            ["13:15", "17:00"],
          ],
          sat: [["09:00", "13:00"]],
        },
        openDates: ["2026-03-08", "2026-11-01"],
      }),
    ),
  ],
  ["24x7", aroundTheClock("America/Sao_Paulo")],
];

const instant = fc.integer({ min: at("2025-01-01T00:00:00Z"), max: at("2028-12-31T00:00:00Z") });
/** Whole minutes (the targets' unit) or any millisecond amount, up to a few business weeks. */
const duration = fc.oneof(
  fc.integer({ min: 0, max: 12_000 }).map((minutes) => minutes * MS_PER_MINUTE),
  fc.integer({ min: 0, max: 12_000 * MS_PER_MINUTE }),
);

describe.each(calendars)("business time on %s", (_name, businessTime) => {
  const add = (start: number, ms: number) => businessTime.addBusinessMs(start, ms);
  const between = (from: number, to: number) => businessTime.businessMsBetween(from, to);

  it("adding a then b equals adding a + b", () => {
    fc.assert(
      fc.property(instant, duration, duration, (start, a, b) => {
        expect(add(add(start, a), b)).toBe(add(start, a + b));
      }),
      RUNS,
    );
  });

  it("a due instant lies in a business interval, its end included (the start itself for zero)", () => {
    fc.assert(
      fc.property(instant, duration, (start, ms) => {
        const due = add(start, ms);
        if (ms === 0) expect(due).toBe(start);
        // The millisecond just before is business time: due is in (opening, closing].
        else expect(between(due - 1, due)).toBe(1);
        expect(due).toBeGreaterThanOrEqual(start);
      }),
      RUNS,
    );
  });

  it("the business time between t and add(t, d) is d", () => {
    fc.assert(
      fc.property(instant, duration, (start, ms) => {
        expect(between(start, add(start, ms))).toBe(ms);
      }),
      RUNS,
    );
  });

  it("business time adds up over consecutive spans and flips sign backwards", () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(between(a, b) + between(b, c)).toBe(between(a, c));
        expect(between(b, a) + between(a, b)).toBe(0);
      }),
      RUNS,
    );
  });

  it("a pause of span p moves the due instant by exactly the business time inside p", () => {
    const pauseCase = fc
      .record({
        start: instant,
        minutes: fc.integer({ min: 1, max: 6_000 }),
        share: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      })
      .chain((input) =>
        fc.record({ input: fc.constant(input), length: fc.integer({ min: 0, max: 10 * 86_400_000 }) }),
      );
    fc.assert(
      fc.property(pauseCase, ({ input: { start, minutes, share }, length }) => {
        const unpaused = dueAt(businessTime, start, minutes, []);
        if (unpaused === null) throw new Error("no pauses, so a due instant");
        const from = start + Math.floor(share * (unpaused - start));
        const paused = dueAt(businessTime, start, minutes, [{ from, to: from + length }]);
        if (paused === null) throw new Error("a closed pause leaves a due instant");
        expect(between(unpaused, paused)).toBe(between(from, from + length));
      }),
      RUNS,
    );
  });

  it("a pause that begins at or after the due instant moves nothing", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 6_000 }), fc.nat(86_400_000), (start, minutes, gap) => {
        const unpaused = dueAt(businessTime, start, minutes, []);
        const from = (unpaused ?? start) + gap;
        expect(dueAt(businessTime, start, minutes, [{ from, to: from + 86_400_000 }])).toBe(unpaused);
        expect(dueAt(businessTime, start, minutes, [{ from, to: null }])).toBe(unpaused);
      }),
      RUNS,
    );
  });
});
