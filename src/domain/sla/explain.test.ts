import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aroundTheClock, compileCalendar } from "./business-time";
import type { Pause } from "./clock";
import { type DeadlineExplanation, explainDeadline } from "./explain";
import { at, iso, saoPauloCalendar } from "./test-fixtures";

const SAO_PAULO = "America/Sao_Paulo";
const businessHours = compileCalendar(saoPauloCalendar({ closedDates: ["2026-04-23"] }));

/** Segments as readable rows: kind, local from and to, minutes, holiday. */
function rows(explanation: DeadlineExplanation) {
  return explanation.segments.map((segment) => [
    segment.kind,
    iso(segment.from, SAO_PAULO).slice(0, 16),
    iso(segment.to, SAO_PAULO).slice(0, 16),
    segment.minutes,
    ...(segment.holidayName ? [segment.holidayName] : []),
  ]);
}

describe("explainDeadline, worked by hand", () => {
  it("counts Monday's last hour, skips the night and Tiradentes, counts Wednesday's first hour", () => {
    const explanation = explainDeadline(businessHours, at("2026-04-20T17:00:00-03:00"), 120, []);
    expect(iso(explanation.due ?? 0, SAO_PAULO)).toBe("2026-04-22T09:00:00-03:00");
    expect(explanation.countedMinutes).toBe(120);
    expect(rows(explanation)).toEqual([
      ["counted", "2026-04-20T17:00", "2026-04-20T18:00", 60],
      ["night", "2026-04-20T18:00", "2026-04-21T00:00", 0],
      ["holiday", "2026-04-21T00:00", "2026-04-22T00:00", 0, "Dia de Tiradentes"],
      ["night", "2026-04-22T00:00", "2026-04-22T08:00", 0],
      ["counted", "2026-04-22T08:00", "2026-04-22T09:00", 60],
    ]);
  });

  it("shows the lunch break, an extra closed date and a pause's business hours", () => {
    const pauses: Pause[] = [{ from: at("2026-04-22T17:00:00-03:00"), to: at("2026-04-24T09:00:00-03:00") }];
    const explanation = explainDeadline(businessHours, at("2026-04-22T11:00:00-03:00"), 420, pauses);
    expect(rows(explanation)).toEqual([
      ["counted", "2026-04-22T11:00", "2026-04-22T12:00", 60],
      ["break", "2026-04-22T12:00", "2026-04-22T13:00", 0],
      ["counted", "2026-04-22T13:00", "2026-04-22T17:00", 240],
      ["paused", "2026-04-22T17:00", "2026-04-22T18:00", 60],
      ["night", "2026-04-22T18:00", "2026-04-23T00:00", 0],
      ["closed_date", "2026-04-23T00:00", "2026-04-24T00:00", 0],
      ["night", "2026-04-24T00:00", "2026-04-24T08:00", 0],
      ["paused", "2026-04-24T08:00", "2026-04-24T09:00", 60],
      ["counted", "2026-04-24T09:00", "2026-04-24T11:00", 120],
    ]);
    expect(explanation.countedMinutes).toBe(420);
    expect(iso(explanation.due ?? 0, SAO_PAULO)).toBe("2026-04-24T11:00:00-03:00");
  });

  it("stops at an open pause that holds the clock", () => {
    const pauses: Pause[] = [{ from: at("2026-04-22T10:00:00-03:00"), to: null }];
    const explanation = explainDeadline(businessHours, at("2026-04-22T09:00:00-03:00"), 240, pauses);
    expect(explanation).toMatchObject({
      due: null,
      pausedSince: at("2026-04-22T10:00:00-03:00"),
      countedMinutes: 60,
    });
    expect(rows(explanation)).toEqual([["counted", "2026-04-22T09:00", "2026-04-22T10:00", 60]]);
  });

  it("explains nothing for a zero target, and around the clock only pauses interrupt", () => {
    expect(explainDeadline(businessHours, at("2026-04-25T10:00:00-03:00"), 0, []).segments).toEqual([]);
    const pauses: Pause[] = [{ from: at("2026-04-25T10:30:00-03:00"), to: at("2026-04-25T11:00:00-03:00") }];
    const explanation = explainDeadline(
      aroundTheClock(SAO_PAULO),
      at("2026-04-25T10:00:00-03:00"),
      120,
      pauses,
    );
    expect(rows(explanation)).toEqual([
      ["counted", "2026-04-25T10:00", "2026-04-25T10:30", 30],
      ["paused", "2026-04-25T10:30", "2026-04-25T11:00", 30],
      ["counted", "2026-04-25T11:00", "2026-04-25T12:30", 90],
    ]);
  });
});

describe("explainDeadline, properties", () => {
  const instant = fc.integer({ min: at("2026-01-01T00:00:00Z"), max: at("2027-06-30T00:00:00Z") });
  const pause = fc
    .tuple(fc.nat(5 * 86_400_000), fc.nat(3 * 86_400_000))
    .map(([offset, length]) => ({ offset, length }));

  it("covers start to due without gaps, and counts exactly the target", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3_000 }),
        fc.array(pause, { maxLength: 3 }),
        (start, minutes, spans) => {
          const pauses = spans.map(({ offset, length }) => ({
            from: start + offset,
            to: start + offset + length,
          }));
          const explanation = explainDeadline(businessHours, start, minutes, pauses);
          let cursor = start;
          for (const segment of explanation.segments) {
            expect(segment.from).toBe(cursor);
            expect(segment.to).toBeGreaterThan(segment.from);
            const business = businessHours.businessMsBetween(segment.from, segment.to);
            const counts = segment.kind === "counted" || segment.kind === "paused";
            expect(business).toBe(counts ? segment.to - segment.from : 0);
            cursor = segment.to;
          }
          expect(cursor).toBe(explanation.due);
          expect(explanation.countedMinutes).toBeCloseTo(minutes, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
