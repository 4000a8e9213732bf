// toIso writes what Date's toISOString writes, for every instant a help desk stores and beyond.
import { describe, expect, it } from "vitest";
import { toIso, toIsoOrNull } from "./time";

const viaDate = (ms: number) => new Date(ms).toISOString();

describe("toIso", () => {
  it("matches toISOString at the calendar's edges", () => {
    const edges = [
      0,
      1,
      999,
      86_399_999,
      86_400_000,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999), // a leap day of a century divisible by 400
      Date.UTC(2100, 1, 28, 12), // 2100 is no leap year
      Date.UTC(2100, 2, 1),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(2025, 0, 1),
      Date.UTC(2026, 11, 7, 16, 5, 3, 7),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ];
    for (const ms of edges) expect(toIso(ms)).toBe(viaDate(ms));
  });

  it("matches toISOString on 200 000 random instants up to the year 9999", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 200_000; i++) {
      const ms = Math.floor(random() * 253_402_300_800_000);
      if (toIso(ms) !== viaDate(ms)) expect(toIso(ms)).toBe(viaDate(ms));
    }
  });

  it("leaves instants before 1970, from the year 10000 and fractions of a millisecond to Date", () => {
    for (const ms of [-1, -86_400_001, Date.UTC(1969, 6, 20, 20, 17), 253_402_300_800_000, 1.5]) {
      expect(toIso(ms)).toBe(viaDate(ms));
    }
    expect(() => toIso(Number.NaN)).toThrow(RangeError);
    expect(toIsoOrNull(null)).toBeNull();
  });
});
