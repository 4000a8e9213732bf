import { describe, expect, it } from "vitest";
import { aroundTheClock, compileCalendar } from "./business-time";
import { dueAt, elapsedBusinessMinutes, normalizePauses, type Pause, type SlaState, slaState } from "./clock";
import { at, iso, saoPauloCalendar } from "./test-fixtures";

const SAO_PAULO = "America/Sao_Paulo";
const businessHours = compileCalendar(saoPauloCalendar());
const twentyFourSeven = aroundTheClock(SAO_PAULO);

/** Wednesday 22/04/2026; 4 business hours from 09:00 run out at 14:00 (lunch 12–13). */
const START = at("2026-04-22T09:00:00-03:00");
const TARGET = 240;
const wed = (time: string) => at(`2026-04-22T${time}:00-03:00`);
const thu = (time: string) => at(`2026-04-23T${time}:00-03:00`);
const pause = (from: number, to: number | null): Pause => ({ from, to });

describe("dueAt, worked by hand", () => {
  it.each<[string, Pause[], string | null]>([
    ["no pause", [], "2026-04-22T14:00:00-03:00"],
    ["an hour's pause in the morning", [pause(wed("10:00"), wed("11:00"))], "2026-04-22T15:00:00-03:00"],
    [
      "a pause over lunch counts only its business half hours",
      [pause(wed("11:30"), wed("13:30"))],
      "2026-04-22T15:00:00-03:00",
    ],
    [
      "a pause overnight counts Wednesday's and Thursday's hours",
      [pause(wed("10:00"), thu("10:00"))],
      "2026-04-23T14:00:00-03:00",
    ],
    [
      "a pause begun before the start counts from the start",
      [pause(wed("07:00"), wed("10:00"))],
      "2026-04-22T15:00:00-03:00",
    ],
    [
      "overlapping pauses count once",
      [pause(wed("10:30"), wed("11:30")), pause(wed("10:00"), wed("11:00"))],
      "2026-04-22T15:30:00-03:00",
    ],
    ["a pause after the due instant", [pause(wed("17:00"), thu("09:00"))], "2026-04-22T14:00:00-03:00"],
    [
      "a pause begun exactly at the due instant",
      [pause(wed("14:00"), wed("16:00"))],
      "2026-04-22T14:00:00-03:00",
    ],
    ["an open pause after the due instant", [pause(wed("15:00"), null)], "2026-04-22T14:00:00-03:00"],
    ["an open pause before it: no due instant yet", [pause(wed("10:00"), null)], null],
  ])("%s", (_name, pauses, expected) => {
    const due = dueAt(businessHours, START, TARGET, pauses);
    expect(due === null ? null : iso(due, SAO_PAULO)).toBe(expected);
  });

  it("is the start itself for a zero target, and plain time around the clock", () => {
    expect(dueAt(businessHours, wed("20:00"), 0, [])).toBe(wed("20:00"));
    const friday = at("2026-04-24T17:00:00-03:00");
    const due = dueAt(twentyFourSeven, friday, 120, [
      pause(at("2026-04-24T17:30:00-03:00"), at("2026-04-24T18:00:00-03:00")),
    ]);
    expect(iso(due ?? 0, SAO_PAULO)).toBe("2026-04-24T19:30:00-03:00");
  });

  it("refuses a pause that ends before it begins, and a negative target", () => {
    expect(() => dueAt(businessHours, START, TARGET, [pause(wed("11:00"), wed("10:00"))])).toThrow(
      expect.objectContaining({ code: "sla.invalid_pause" }),
    );
    expect(() => dueAt(businessHours, START, -1, [])).toThrow(
      expect.objectContaining({ code: "sla.negative_target" }),
    );
  });
});

describe("elapsedBusinessMinutes", () => {
  it.each<[string, number, Pause[], number]>([
    ["over lunch", wed("16:00"), [], 360],
    ["minus a closed pause", wed("16:00"), [pause(wed("10:00"), wed("11:00"))], 300],
    ["minus an open pause up to now", wed("16:00"), [pause(wed("15:00"), null)], 300],
    ["ignoring a pause that has not begun", wed("16:00"), [pause(wed("17:00"), null)], 360],
    ["zero before the start", wed("08:00"), [], 0],
  ])("%s", (_name, now, pauses, expected) => {
    expect(elapsedBusinessMinutes(businessHours, START, now, pauses)).toBe(expected);
  });
});

describe("slaState", () => {
  const state = (now: number, pauses: Pause[] = [], extra: { metAt?: number; warningShare?: number } = {}) =>
    slaState({ businessTime: businessHours, start: START, targetMinutes: TARGET, pauses, now, ...extra });

  it.each<[string, () => SlaState, SlaState]>([
    ["early on", () => state(wed("10:00")), "on_time"],
    ["past 80% of the target", () => state(wed("13:30")), "due_soon"],
    ["at the due instant itself", () => state(wed("14:00")), "due_soon"],
    ["a minute late", () => state(wed("14:01")), "breached"],
    ["with a lower warning share", () => state(wed("11:00"), [], { warningShare: 0.5 }), "due_soon"],
    ["in an open pause", () => state(wed("11:00"), [pause(wed("10:30"), null)]), "paused"],
    ["paused overnight", () => state(thu("10:00"), [pause(wed("10:00"), null)]), "paused"],
    [
      "paused after 3 of 4 hours, past the unpaused due",
      () => state(wed("15:00"), [pause(wed("13:00"), null)]),
      "paused",
    ],
    ["late, then paused", () => state(wed("15:00"), [pause(wed("14:30"), null)]), "breached"],
    ["met early", () => state(wed("16:00"), [], { metAt: wed("13:59") }), "met"],
    ["met at the due instant", () => state(wed("16:00"), [], { metAt: wed("14:00") }), "met"],
    ["met late", () => state(wed("16:00"), [], { metAt: wed("14:01") }), "breached"],
    [
      "met during a pause",
      () => state(thu("09:00"), [pause(wed("10:00"), null)], { metAt: wed("16:00") }),
      "met",
    ],
  ])("%s", (_name, evaluate, expected) => {
    expect(evaluate()).toBe(expected);
  });

  it("runs a 24x7 priority over the weekend, a business-hours one not", () => {
    const saturday = at("2026-04-25T10:00:00-03:00");
    const input = { start: saturday, targetMinutes: 60, pauses: [], now: at("2026-04-25T11:01:00-03:00") };
    expect(slaState({ ...input, businessTime: twentyFourSeven })).toBe("breached");
    expect(slaState({ ...input, businessTime: businessHours })).toBe("on_time");
  });

  it("refuses a warning share outside [0, 1]", () => {
    expect(() => state(wed("10:00"), [], { warningShare: 1.5 })).toThrow(
      expect.objectContaining({ code: "sla.invalid_warning_share" }),
    );
  });
});

describe("normalizePauses", () => {
  it("clips, sorts and joins, an open pause swallowing later ones", () => {
    expect(
      normalizePauses(100, [
        pause(500, null),
        pause(50, 150),
        pause(140, 200),
        pause(10, 90),
        pause(600, 700),
        pause(300, 300),
      ]),
    ).toEqual([pause(100, 200), pause(500, null)]);
  });
});
