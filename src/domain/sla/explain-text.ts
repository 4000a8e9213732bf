// A deadline's explanation as plain lines in the reader's language, dates and times read in the calendar's zone.
import { DateTime } from "luxon";
import type { Locale } from "../../contracts/common";
import { type Translate, translator } from "../../i18n";
import { durationUnit, isOne } from "../../i18n/duration-agreement";
import type { DeadlineExplanation, DeadlineSegment } from "./explain";

/** Dates as each language writes them elsewhere in the app: "22/04/2026 08:00", "04/22/2026 8:00 AM". */
const LAYOUTS: Record<Locale, { luxonLocale: string; date: string; time: string }> = {
  "pt-BR": { luxonLocale: "pt-BR", date: "dd/MM/yyyy", time: "HH:mm" },
  en: { luxonLocale: "en-US", date: "MM/dd/yyyy", time: "h:mm a" },
};

const SATURDAY = 6;
const SUNDAY = 7;

/** How one explanation is written: the words, and dates in the calendar's zone. */
interface Writer {
  t: Translate;
  at: (instant: number) => DateTime;
  date: (moment: DateTime) => string;
  time: (moment: DateTime) => string;
  dateTime: (moment: DateTime) => string;
}

function writerFor(locale: Locale, timeZone: string): Writer {
  const layout = LAYOUTS[locale];
  return {
    t: translator(locale),
    at: (instant) => DateTime.fromMillis(instant, { zone: timeZone }).setLocale(layout.luxonLocale),
    date: (moment) => moment.toFormat(layout.date),
    time: (moment) => moment.toFormat(layout.time),
    dateTime: (moment) => moment.toFormat(`${layout.date} ${layout.time}`),
  };
}

/** One line per segment, then a total: "22/04/2026 08:00–12:00: 4 h contadas". */
export function describeExplanation(
  explanation: DeadlineExplanation,
  timeZone: string,
  locale: Locale,
): string[] {
  const writer = writerFor(locale, timeZone);
  const { t, at, dateTime } = writer;
  const lines = explanation.segments.map((segment) => describeSegment(segment, writer));
  if (explanation.due !== null) {
    const one = isOne(durationUnit(explanation.countedMinutes));
    lines.push(
      t(one ? "sla.explain.total.one" : "sla.explain.total", {
        duration: formatDuration(explanation.countedMinutes, t),
        due: dateTime(at(explanation.due)),
      }),
    );
  } else if (explanation.pausedSince !== null) {
    const remaining = explanation.targetMinutes - explanation.countedMinutes;
    const one = isOne(durationUnit(remaining));
    lines.push(
      t(one ? "sla.explain.pausedSince.one" : "sla.explain.pausedSince", {
        since: dateTime(at(explanation.pausedSince)),
        duration: formatDuration(remaining, t),
      }),
    );
  }
  return lines;
}

/** "4 h", "30 min", "1 h 30 min"; rounded to the minute. */
export function formatDuration(minutes: number, t: Translate): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t("sla.duration.minutes", { minutes: rest });
  if (rest === 0) return t("sla.duration.hours", { hours });
  return t("sla.duration.hoursMinutes", { hours, minutes: rest });
}

function describeSegment(segment: DeadlineSegment, writer: Writer): string {
  const { t } = writer;
  const from = writer.at(segment.from);
  const to = writer.at(segment.to);
  switch (segment.kind) {
    case "counted":
      return `${timeRange(from, to, writer)}: ${countedWords(segment.minutes, t)}`;
    case "paused":
      return `${timeRange(from, to, writer)}: ${t("sla.explain.paused", { duration: formatDuration(segment.minutes, t) })}`;
    case "night":
      return `${timeRange(from, to, writer)}: ${t("sla.explain.night")}`;
    case "break":
      return `${timeRange(from, to, writer)}: ${t("sla.explain.break")}`;
    case "weekend":
      return `${dayRange(from, to, writer)} (${weekdayNames(from, to, t)}): ${weekendWord(from, to, t)}`;
    case "holiday":
      return `${dayRange(from, to, writer)}: ${t("sla.explain.holiday", { name: segment.holidayName ?? "" })}`;
    case "closed_date":
      return `${dayRange(from, to, writer)}: ${t("sla.explain.closedDate")}`;
  }
}

function countedWords(minutes: number, t: Translate): string {
  const duration = formatDuration(minutes, t);
  // pt-BR's participle agrees with the last unit: "4 h contadas", "1 h 30 min contados", "1 min contado".
  return t(`sla.explain.counted.${durationUnit(minutes)}`, { duration });
}

/** "22/04/2026 08:00–12:00", "22/04/2026 18:00–24:00", or "22/04/2026 18:00 – 23/04/2026 08:00". */
function timeRange(from: DateTime, to: DateTime, writer: Writer): string {
  const start = writer.dateTime(from);
  if (from.hasSame(to, "day")) return `${start}–${writer.time(to)}`;
  const endsAtMidnight = to.equals(to.startOf("day")) && from.hasSame(lastDay(to), "day");
  return endsAtMidnight
    ? `${start}–${writer.t("sla.explain.midnight")}`
    : `${start} – ${writer.dateTime(to)}`;
}

/** The local dates a span touches: "21/04/2026" or "25/04/2026 a 26/04/2026". */
function dayRange(from: DateTime, to: DateTime, writer: Writer): string {
  const last = lastDay(to);
  const first = writer.date(from);
  if (from.hasSame(last, "day")) return first;
  return writer.t("sla.explain.dayRange", { first, last: writer.date(last) });
}

/** "sábado", "sábado e domingo", "sexta a segunda" (in the writer's language). */
function weekdayNames(from: DateTime, to: DateTime, t: Translate): string {
  const last = lastDay(to);
  const first = from.toFormat("cccc");
  if (from.hasSame(last, "day")) return first;
  const names = { first, last: last.toFormat("cccc") };
  const nextDay = from.plus({ days: 1 }).hasSame(last, "day");
  return t(nextDay ? "sla.explain.twoDays" : "sla.explain.dayRange", names);
}

function weekendWord(from: DateTime, to: DateTime, t: Translate): string {
  const days = [from.weekday, lastDay(to).weekday];
  const onWeekend =
    days.every((day) => day === SATURDAY || day === SUNDAY) && to.diff(from, "days").days <= 2;
  return t(onWeekend ? "sla.explain.weekend" : "sla.explain.closedWeekday");
}

/** A span ends at an exclusive instant: 00:00 closes the previous day. */
function lastDay(to: DateTime): DateTime {
  return to.minus({ milliseconds: 1 });
}
