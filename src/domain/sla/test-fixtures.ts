// Calendars and instant helpers shared by the SLA tests (test-only; nothing in the app imports it).
import { DateTime } from "luxon";
import type { BusinessCalendar, TimeRange } from "./calendar";
import type { SlaPolicy } from "./policy";

export const LUNCH_BREAK: TimeRange[] = [
  ["08:00", "12:00"],
  ["13:00", "18:00"],
];

export function weekdaysOnly(hours: readonly TimeRange[]): BusinessCalendar["weeklyHours"] {
  return { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] };
}

/** Mon–Fri 08–12 and 13–18 in São Paulo with the state's holidays: the calendar most tests use. */
export function saoPauloCalendar(overrides: Partial<BusinessCalendar> = {}): BusinessCalendar {
  return {
    timeZone: "America/Sao_Paulo",
    weeklyHours: weekdaysOnly(LUNCH_BREAK),
    holidays: { country: "BR", state: "SP" },
    closedDates: [],
    openDates: [],
    ...overrides,
  };
}

/** Mon–Fri 09–17 in New York, no holidays: daylight saving starts 2026-03-08 and ends 2026-11-01. */
export function newYorkCalendar(overrides: Partial<BusinessCalendar> = {}): BusinessCalendar {
  return {
    timeZone: "America/New_York",
    weeklyHours: weekdaysOnly([["09:00", "17:00"]]),
    holidays: null,
    closedDates: [],
    openDates: [],
    ...overrides,
  };
}

/** Epoch ms of an ISO instant written with its offset, e.g. "2026-04-22T14:00:00-03:00". */
export function at(iso: string): number {
  const dateTime = DateTime.fromISO(iso, { setZone: true });
  if (!dateTime.isValid) throw new Error(`bad ISO instant in a test: ${iso}`);
  return dateTime.toMillis();
}

/** The instant back as ISO with the zone's offset, for readable comparisons. */
export function iso(instant: number, timeZone: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? "";
}

/**
 * A plan's policy for the clock tests: normal — first response in 4 business hours, next in 8,
 * resolution in 16; urgent counts around the clock.
 */
export function examplePolicy(calendar: BusinessCalendar, warningShare = 0.8): SlaPolicy {
  const target = (first: number, next: number, resolution: number, businessHours = true) => ({
    firstResponseMinutes: first,
    nextResponseMinutes: next,
    resolutionMinutes: resolution,
    businessHours,
  });
  return {
    planId: "plan",
    planName: "Profissional",
    calendarName: "São Paulo",
    calendar,
    targets: {
      low: target(480, 960, 2400),
      normal: target(240, 480, 960),
      high: target(120, 240, 480),
      urgent: target(60, 60, 240, false),
    },
    warningShare,
  };
}
