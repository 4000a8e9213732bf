// The support desk's calendar for billing: the day work was done and the month an approval counts in
// are read in São Paulo, whatever the server's or the reader's zone.
import { DateTime } from "luxon";

/** The vendor's time zone: statements close at midnight here, not in UTC. */
export const BILLING_TIME_ZONE = "America/Sao_Paulo";

/** "2026-04-30" for an instant (epoch ms) in São Paulo. */
export function billingDateOf(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: BILLING_TIME_ZONE }).toISODate() ?? "";
}

/** "2026-04" for an instant (epoch ms) in São Paulo: the statement month it belongs to. */
export function billingMonthOf(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: BILLING_TIME_ZONE }).toFormat("yyyy-MM");
}

/**
 * The days of a month as a half-open range of ISO dates, { from: "2026-04-01", until: "2026-05-01" }:
 * ISO dates sort as text, so `from <= work_date < until` selects the month on both databases.
 */
export function monthDateRange(month: string): { from: string; until: string } {
  const first = DateTime.fromISO(`${month}-01`, { zone: "UTC" });
  return { from: first.toISODate() ?? "", until: first.plus({ months: 1 }).toISODate() ?? "" };
}
