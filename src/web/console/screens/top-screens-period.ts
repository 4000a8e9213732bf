// The periods "Telas com mais ocorrências" offers, as Brasília dates (YYYY-MM-DD).

/** Today's date in Brasília. */
export function todayInBrasilia(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Sao_Paulo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

const shift = (date: string, days: number): string => {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

export type PeriodPreset = "last30" | "thisMonth" | "lastMonth" | "last90";

/** The first and last day (inclusive) of a preset, seen from `today`. */
export function periodOf(preset: PeriodPreset, today: string): { from: string; to: string } {
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case "last30":
      return { from: shift(today, -29), to: today };
    case "last90":
      return { from: shift(today, -89), to: today };
    case "thisMonth":
      return { from: monthStart, to: today };
    case "lastMonth": {
      const lastDay = shift(monthStart, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
  }
}

/** A bar's width: its share of the most frequent screen's tickets, in percent. */
export const barPercent = (tickets: number, most: number): number =>
  most <= 0 ? 0 : Math.round((tickets / most) * 1000) / 10;
