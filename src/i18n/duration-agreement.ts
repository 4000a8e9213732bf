// Which word form a duration takes in pt-BR: "1 h útil", "4 h corridas", "1 h 30 min corridos", "1 min corrido".

/** The unit a duration ends with, and whether it is one: adjectives after "4 h" or "30 min" agree with it. */
export type DurationUnit = "hour" | "hours" | "minute" | "minutes";

/**
 * Rounded to the minute, as durations are written: "2 h" ends in hours; "1 h 30 min" in minutes, and so
 * does "1 h 1 min" (two nouns take the plural), so only "1 min" alone is one minute.
 */
export function durationUnit(minutes: number): DurationUnit {
  const total = Math.round(minutes);
  if (total % 60 !== 0 || total === 0) return total === 1 ? "minute" : "minutes";
  return total === 60 ? "hour" : "hours";
}

/** "1 h útil", "1 min útil" but "2 h úteis", "1 h 30 min úteis". */
export function isOne(unit: DurationUnit): boolean {
  return unit === "hour" || unit === "minute";
}
