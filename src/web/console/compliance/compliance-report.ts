// The compliance report's arithmetic for the page: months, worst-first order, the total row, shares in words.
import { DateTime } from "luxon";
import type { Locale } from "../../../contracts/common";
import type { ComplianceReport } from "../../../contracts/sla";
import { DISPLAY_TIME_ZONE } from "../../../i18n/format-date";

export type CompanyCompliance = ComplianceReport["companies"][number];
export type Outcome = CompanyCompliance["firstResponse"];
export type ComplianceTotal = Pick<CompanyCompliance, "tickets" | "firstResponse" | "resolution">;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "2026-04", the API's month format. */
export function isMonth(value: string | null): value is string {
  return value !== null && MONTH.test(value);
}

/** The month it is now at the support desk (São Paulo), "2026-11". */
export function currentMonth(now: Date): string {
  return DateTime.fromJSDate(now, { zone: DISPLAY_TIME_ZONE }).toFormat("yyyy-MM");
}

/** `count` months ending with `last`, newest first. */
export function recentMonths(last: string, count: number): string[] {
  const start = DateTime.fromISO(`${last}-01`, { zone: "UTC" });
  return Array.from({ length: count }, (_, back) => start.minus({ months: back }).toFormat("yyyy-MM"));
}

/** "Abril de 2026", "April 2026". */
export function formatMonth(month: string, locale: Locale): string {
  const [year, monthOfYear] = month.split("-").map(Number);
  const text = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    Date.UTC(year ?? 1970, (monthOfYear ?? 1) - 1, 1),
  );
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "87,5%" in pt-BR, "87.5%" in English; "—" when nothing was decided yet. */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** The lower of a company's two shares; null when neither metric has a decided deadline. */
export function worstShare(company: CompanyCompliance): number | null {
  const shares = [company.firstResponse.shareMet, company.resolution.shareMet].filter(
    (share): share is number => share !== null,
  );
  return shares.length === 0 ? null : Math.min(...shares);
}

const breaches = (company: CompanyCompliance) => company.firstResponse.breached + company.resolution.breached;

/**
 * Worst first: the lowest share met of either metric, then the most breaches, then by name.
 * Companies with nothing decided yet come last: there is nothing to judge them on.
 */
export function sortWorstFirst(companies: readonly CompanyCompliance[]): CompanyCompliance[] {
  return [...companies].sort((a, b) => {
    const worstA = worstShare(a);
    const worstB = worstShare(b);
    if (worstA !== worstB) {
      if (worstA === null) return 1;
      if (worstB === null) return -1;
      return worstA - worstB;
    }
    return breaches(b) - breaches(a) || a.companyName.localeCompare(b.companyName, "pt-BR");
  });
}

function sumOutcomes(outcomes: readonly Outcome[]): Outcome {
  const met = outcomes.reduce((sum, outcome) => sum + outcome.met, 0);
  const breached = outcomes.reduce((sum, outcome) => sum + outcome.breached, 0);
  const pending = outcomes.reduce((sum, outcome) => sum + outcome.pending, 0);
  return { met, breached, pending, shareMet: met + breached > 0 ? met / (met + breached) : null };
}

/** Every company together; the share is of all decided deadlines, not an average of the companies' shares. */
export function totalOf(companies: readonly CompanyCompliance[]): ComplianceTotal {
  return {
    tickets: companies.reduce((sum, company) => sum + company.tickets, 0),
    firstResponse: sumOutcomes(companies.map((company) => company.firstResponse)),
    resolution: sumOutcomes(companies.map((company) => company.resolution)),
  };
}
