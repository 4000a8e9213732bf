// Dates as our users read them: São Paulo time, "28/11/2026 20:14" in pt-BR, "11/28/2026 8:14 PM" in English.
import type { Locale } from "../contracts/common";

/** The support desk's time zone: every instant shown in the portal is in it, wherever the reader is. */
export const DISPLAY_TIME_ZONE = "America/Sao_Paulo";

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

const LAYOUTS: Record<Locale, { format: Intl.DateTimeFormat; join: (parts: Parts) => string }> = {
  "pt-BR": {
    format: formatter("pt-BR", "h23"),
    join: (p) => `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`,
  },
  en: {
    format: formatter("en-US", "h12"),
    join: (p) => `${p.month}/${p.day}/${p.year} ${p.hour}:${p.minute} ${p.dayPeriod}`,
  },
};

function formatter(tag: string, hourCycle: "h12" | "h23"): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(tag, {
    timeZone: DISPLAY_TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: hourCycle === "h23" ? "2-digit" : "numeric",
    minute: "2-digit",
    hourCycle,
  });
}

/** An instant (ISO 8601 from the API, milliseconds, or a Date) as date and time in São Paulo. */
export function formatDateTime(instant: string | number | Date, locale: Locale): string {
  const layout = LAYOUTS[locale];
  const parts: Parts = {};
  for (const part of layout.format.formatToParts(new Date(instant))) parts[part.type] = part.value;
  return layout.join(parts);
}
