// Dates as our users read them: São Paulo time, "28/11/2026 20:14" in pt-BR, "11/28/2026 8:14 PM" in English.
import type { Locale } from "../contracts/common";

/** The support desk's time zone: every instant shown in the portal is in it, wherever the reader is. */
export const DISPLAY_TIME_ZONE = "America/Sao_Paulo";

const HOUR_MS = 3_600_000;

// The zone's rules come from Intl (the tz database), asked once per hour of UTC: São Paulo's offset
// has changed only on whole hours since 1914 (its daylight saving time, until 2019, began and ended at
// local midnight), so every instant of an hour has the offset of the hour's start. Intl's own
// formatToParts cost several microseconds per date, and an e-mail or a list writes many.
const WALL_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});
const offsets = new Map<number, number>();

/** São Paulo's offset from UTC, in milliseconds, during the UTC hour `hour` (hours since 1970). */
function offsetDuring(hour: number): number {
  const known = offsets.get(hour);
  if (known !== undefined) return known;
  const start = hour * HOUR_MS;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of WALL_CLOCK.formatToParts(new Date(start))) parts[part.type] = part.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  const offset = wall - start;
  // Hours of a few years at most are ever shown; the bound only keeps a long process's memory flat.
  if (offsets.size >= 100_000) offsets.clear();
  offsets.set(hour, offset);
  return offset;
}

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

/** An instant (ISO 8601 from the API, milliseconds, or a Date) as date and time in São Paulo. */
export function formatDateTime(instant: string | number | Date, locale: Locale): string {
  const time = new Date(instant).getTime();
  // São Paulo's wall clock, read with the UTC getters.
  const wall = new Date(time + offsetDuring(Math.floor(time / HOUR_MS)));
  const day = pad(wall.getUTCDate());
  const month = pad(wall.getUTCMonth() + 1);
  const year = wall.getUTCFullYear();
  const hour = wall.getUTCHours();
  const minute = pad(wall.getUTCMinutes());
  if (locale === "pt-BR") return `${day}/${month}/${year} ${pad(hour)}:${minute}`;
  return `${month}/${day}/${year} ${hour % 12 || 12}:${minute} ${hour < 12 ? "AM" : "PM"}`;
}
