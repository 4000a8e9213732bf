// Plans in words: "4 h úteis", "1 h útil", "4 h corridas (24x7)", "Segunda a sexta, 08:00–12:00 e 13:00–18:00".
import type { Locale } from "../../contracts/common";
import type { Calendar, Target } from "../../contracts/sla";
import type { MessageKey, Translate } from "../../i18n";
import { type DurationUnit, durationUnit, isOne } from "../../i18n/duration-agreement";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
type WeeklyHours = Calendar["weeklyHours"];

/** Whole hours and minutes only: honest about what the clock counts, no "dias úteis" guesswork. */
export function formatDuration(minutes: number, t: Translate): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("sla.duration.minutes", { minutes: rest });
  if (rest === 0) return t("sla.duration.hours", { hours });
  return t("sla.duration.hoursMinutes", { hours, minutes: rest });
}

/** A deadline with the clock it runs on, the adjective agreeing in pt-BR: "1 h útil", "4 h corridas". */
export function formatTargetMinutes(minutes: number, businessHours: boolean, t: Translate): string {
  const duration = formatDuration(minutes, t);
  const unit = durationUnit(minutes);
  if (businessHours) return t(isOne(unit) ? "sla.inBusinessHours.one" : "sla.inBusinessHours", { duration });
  return t(AROUND_THE_CLOCK[unit], { duration });
}

const AROUND_THE_CLOCK = {
  hour: "sla.aroundTheClock.hour",
  hours: "sla.aroundTheClock.hours",
  minute: "sla.aroundTheClock.minute",
  minutes: "sla.aroundTheClock",
} as const satisfies Record<DurationUnit, MessageKey>;

export function formatTarget(target: Target, field: "first" | "next" | "resolution", t: Translate): string {
  const minutes =
    field === "first"
      ? target.firstResponseMinutes
      : field === "next"
        ? target.nextResponseMinutes
        : target.resolutionMinutes;
  return formatTargetMinutes(minutes, target.businessHours, t);
}

export function formatIntervals(ranges: readonly (readonly [string, string])[], locale: Locale): string {
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return list.format(ranges.map(([from, to]) => `${from}–${to}`));
}

/** One line per run of consecutive days with the same hours; closed days are left out. */
export function describeWeeklyHours(weeklyHours: WeeklyHours, locale: Locale, t: Translate): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < WEEKDAYS.length) {
    const hours = weeklyHours[WEEKDAYS[start] as Weekday];
    let end = start;
    while (end + 1 < WEEKDAYS.length && sameHours(weeklyHours[WEEKDAYS[end + 1] as Weekday], hours)) end++;
    if (hours.length > 0) {
      const from = t(`sla.day.${WEEKDAYS[start] as Weekday}`);
      const to = t(`sla.day.${WEEKDAYS[end] as Weekday}`);
      const days = start === end ? from : t("sla.dayRange", { from, to: to.toLowerCase() });
      lines.push(t("sla.hoursLine", { days, hours: formatIntervals(hours, locale) }));
    }
    start = end + 1;
  }
  return lines;
}

function sameHours(a: WeeklyHours[Weekday], b: WeeklyHours[Weekday]): boolean {
  return a.length === b.length && a.every(([from, to], i) => from === b[i]?.[0] && to === b[i]?.[1]);
}

/** "2026-04-21" as the reader writes dates: 21/04/2026, or 04/21/2026 in English. */
export function formatIsoDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split("-");
  return locale === "en" ? `${month}/${day}/${year}` : `${day}/${month}/${year}`;
}

/** Brazil's zones by the name people use for them ("horário de Brasília"), not their IANA id. */
const BRAZILIAN_TIME_ZONES: Record<string, "brasilia" | "amazonas" | "acre" | "noronha"> = {
  "America/Sao_Paulo": "brasilia",
  "America/Bahia": "brasilia",
  "America/Fortaleza": "brasilia",
  "America/Recife": "brasilia",
  "America/Belem": "brasilia",
  "America/Maceio": "brasilia",
  "America/Araguaina": "brasilia",
  "America/Santarem": "brasilia",
  "America/Manaus": "amazonas",
  "America/Cuiaba": "amazonas",
  "America/Campo_Grande": "amazonas",
  "America/Porto_Velho": "amazonas",
  "America/Boa_Vista": "amazonas",
  "America/Rio_Branco": "acre",
  "America/Eirunepe": "acre",
  "America/Noronha": "noronha",
};

/**
 * A calendar's zone in words: "Horário de Brasília"; with the IANA id for staff, who type it in the
 * calendar editor ("Horário de Brasília (America/Sao_Paulo)"); any other zone by its id.
 */
export function describeTimeZone(timeZone: string, withId: boolean, t: Translate): string {
  const known = Object.hasOwn(BRAZILIAN_TIME_ZONES, timeZone) ? BRAZILIAN_TIME_ZONES[timeZone] : undefined;
  if (!known) return t("policy.timeZone", { zone: timeZone });
  const name = t(`timeZone.${known}`);
  return withId ? t("timeZone.withId", { name, zone: timeZone }) : name;
}
