// A deadline's explanation as plain pt-BR lines, dates and times read in the calendar's zone.
import { DateTime } from "luxon";
import type { DeadlineExplanation, DeadlineSegment } from "./explain";

// The wording in one place, should it move to the i18n catalogs.
const WORDS = {
  countedHours: (duration: string, plural: boolean) => `${duration} ${plural ? "contadas" : "contada"}`,
  countedMinutes: (duration: string, plural: boolean) => `${duration} ${plural ? "contados" : "contado"}`,
  paused: (duration: string) => `pausado (${duration})`,
  night: "fora do expediente",
  break: "intervalo",
  weekend: "fim de semana",
  closedWeekday: "sem expediente",
  holiday: (name: string) => `feriado — ${name}`,
  closedDate: "dia fechado no calendário",
  total: (duration: string, due: string) => `Total: ${duration} úteis; vence em ${due}`,
  pausedSince: (since: string, duration: string) => `Pausado desde ${since}; faltam ${duration}`,
  and: "e",
  through: "a",
} as const;

const LOCALE = "pt-BR";
const SATURDAY = 6;
const SUNDAY = 7;

/** One line per segment, then a total: "22/04/2026 08:00–12:00: 4 h contadas". */
export function describeExplanation(explanation: DeadlineExplanation, timeZone: string): string[] {
  const at = (instant: number) => DateTime.fromMillis(instant, { zone: timeZone }).setLocale(LOCALE);
  const lines = explanation.segments.map((segment) => describeSegment(segment, at));
  if (explanation.due !== null) {
    lines.push(
      WORDS.total(
        formatDuration(explanation.countedMinutes),
        at(explanation.due).toFormat("dd/MM/yyyy HH:mm"),
      ),
    );
  } else if (explanation.pausedSince !== null) {
    const remaining = explanation.targetMinutes - explanation.countedMinutes;
    lines.push(
      WORDS.pausedSince(at(explanation.pausedSince).toFormat("dd/MM/yyyy HH:mm"), formatDuration(remaining)),
    );
  }
  return lines;
}

/** "4 h", "30 min", "1 h 30 min"; rounded to the minute. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function describeSegment(segment: DeadlineSegment, at: (instant: number) => DateTime): string {
  const from = at(segment.from);
  const to = at(segment.to);
  switch (segment.kind) {
    case "counted":
      return `${timeRange(from, to)}: ${countedWords(segment.minutes)}`;
    case "paused":
      return `${timeRange(from, to)}: ${WORDS.paused(formatDuration(segment.minutes))}`;
    case "night":
      return `${timeRange(from, to)}: ${WORDS.night}`;
    case "break":
      return `${timeRange(from, to)}: ${WORDS.break}`;
    case "weekend":
      return `${dayRange(from, to)} (${weekdayNames(from, to)}): ${weekendWord(from, to)}`;
    case "holiday":
      return `${dayRange(from, to)}: ${WORDS.holiday(segment.holidayName ?? "")}`;
    case "closed_date":
      return `${dayRange(from, to)}: ${WORDS.closedDate}`;
  }
}

function countedWords(minutes: number): string {
  const duration = formatDuration(minutes);
  // The participle agrees with the last unit: "4 h contadas", "1 h 30 min contados", "1 min contado".
  const rounded = Math.round(minutes);
  if (rounded % 60 !== 0 || rounded === 0) return WORDS.countedMinutes(duration, rounded !== 1);
  return WORDS.countedHours(duration, rounded !== 60);
}

/** "22/04/2026 08:00–12:00", "22/04/2026 18:00–24:00", or "22/04/2026 18:00 – 23/04/2026 08:00". */
function timeRange(from: DateTime, to: DateTime): string {
  const start = from.toFormat("dd/MM/yyyy HH:mm");
  if (from.hasSame(to, "day")) return `${start}–${to.toFormat("HH:mm")}`;
  const endsAtMidnight = to.equals(to.startOf("day")) && from.hasSame(lastDay(to), "day");
  return endsAtMidnight ? `${start}–24:00` : `${start} – ${to.toFormat("dd/MM/yyyy HH:mm")}`;
}

/** The local dates a span touches: "21/04/2026" or "25/04/2026 a 26/04/2026". */
function dayRange(from: DateTime, to: DateTime): string {
  const last = lastDay(to);
  const first = from.toFormat("dd/MM/yyyy");
  return from.hasSame(last, "day") ? first : `${first} ${WORDS.through} ${last.toFormat("dd/MM/yyyy")}`;
}

function weekdayNames(from: DateTime, to: DateTime): string {
  const last = lastDay(to);
  const first = from.toFormat("cccc");
  if (from.hasSame(last, "day")) return first;
  const joiner = from.plus({ days: 1 }).hasSame(last, "day") ? WORDS.and : WORDS.through;
  return `${first} ${joiner} ${last.toFormat("cccc")}`;
}

function weekendWord(from: DateTime, to: DateTime): string {
  const days = [from.weekday, lastDay(to).weekday];
  const onWeekend =
    days.every((day) => day === SATURDAY || day === SUNDAY) && to.diff(from, "days").days <= 2;
  return onWeekend ? WORDS.weekend : WORDS.closedWeekday;
}

/** A span ends at an exclusive instant: 00:00 closes the previous day. */
function lastDay(to: DateTime): DateTime {
  return to.minus({ milliseconds: 1 });
}
