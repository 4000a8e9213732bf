// SLA targets as people say them: "4 h", "1 h 30 min", "45 min" — never a raw count of minutes.
// The API keeps minutes; words come from the catalogs (policy/format-sla.ts), typed text back here.

/** 240 → "4 h", 90 → "1 h 30 min", 45 → "45 min", in the reader's catalog (the SLA's words). */
export { formatDuration } from "../policy/format-sla";

const UNITS: Record<string, number> = {
  h: 60,
  hr: 60,
  hrs: 60,
  hora: 60,
  horas: 60,
  hour: 60,
  hours: 60,
  m: 1,
  min: 1,
  mins: 1,
  minuto: 1,
  minutos: 1,
  minute: 1,
  minutes: 1,
};

/**
 * What a person typed, in minutes; null when it is not a duration. Accepts "4 h", "4h", "1 h 30 min",
 * "1h30", "1:30", "1,5 h", "90 min", "2 horas e 15 minutos". A bare number is refused: "120" could be
 * minutes (as the form once asked) or hours, and a deadline must not be guessed.
 */
export function parseDuration(text: string): number | null {
  const input = text
    .trim()
    .toLowerCase()
    .replace(/\s+e\s+/g, " ");
  if (input === "") return null;
  const clock = /^(\d{1,5}):([0-5]\d)$/.exec(input);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  // "1h30": minutes after hours without their unit.
  const short = /^(\d{1,5})\s*h\s*([0-5]?\d)$/.exec(input);
  if (short) return Number(short[1]) * 60 + Number(short[2]);
  let total = 0;
  let rest = input;
  const part = /^(\d{1,5}(?:[.,]\d+)?)\s*([a-z]+)\s*/;
  let seen = 0;
  while (rest.length > 0) {
    const match = part.exec(rest);
    const unit = match?.[2] ? UNITS[match[2]] : undefined;
    if (!match?.[1] || unit === undefined) return null;
    total += Number(match[1].replace(",", ".")) * unit;
    rest = rest.slice(match[0].length);
    seen += 1;
  }
  return seen > 0 ? toMinutes(total) : null;
}

const toMinutes = (value: number): number | null => (Number.isFinite(value) ? Math.round(value) : null);
