// Billing's durations in words: estimates and statements in hours ("1,5 h"), and the hours a person
// types ("1,5" or "1.5") back to the API's whole minutes.
import type { Locale } from "../../../contracts/common";

/** 90 → "1,5 h" (pt-BR) or "1.5 h"; up to two decimals, none when whole. */
export function formatHours(minutes: number, locale: Locale): string {
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minutes / 60);
  return `${hours} h`;
}

/** Whether "{hours} h" reads in the singular: "1 h faturável", but "0,5 h" and "2 h faturáveis". */
export function isOneHour(minutes: number): boolean {
  return minutes === 60;
}

/** "1,5", "1.5", "2" or "0,25" hours → whole minutes; null when it is not a positive number. */
export function hoursToMinutes(text: string): number | null {
  const normalized = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const minutes = Math.round(Number(normalized) * 60);
  return minutes > 0 ? minutes : null;
}

/** Today's date in São Paulo as YYYY-MM-DD: the latest work date a time entry may have. */
export function todayInSaoPaulo(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Sao_Paulo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** "2026-04-30" → "30/04/2026": how a work date is typed, in either language (like the calendar editor's dates). */
export function isoDateToText(date: string): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}
