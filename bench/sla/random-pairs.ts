// Reproducible random (start, target) pairs for the due-instant benchmark.

export interface DuePair {
  /** Epoch ms, on a whole minute (moment-business-time measures in whole minutes). */
  start: number;
  /** Business minutes, at least 1 (for 0 the two libraries differ by design: we return the start). */
  minutes: number;
}

const MS_PER_MINUTE = 60_000;

/** Starts uniformly over [from, to), any time of day or week; targets from 1 minute to ~9 business days. */
export function randomPairs(
  count: number,
  seed: number,
  from: number,
  to: number,
  maxMinutes = 4_800,
): DuePair[] {
  const next = mulberry32(seed);
  const minutesInRange = Math.floor((to - from) / MS_PER_MINUTE);
  return Array.from({ length: count }, () => ({
    start: from + Math.floor(next() * minutesInRange) * MS_PER_MINUTE,
    minutes: 1 + Math.floor(next() * maxMinutes),
  }));
}

/** A small seeded generator (Mulberry32): the same pairs on every run and machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
