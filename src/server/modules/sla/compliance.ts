// The supervisors' compliance report: per company and month, how many first responses and
// resolutions met their deadline, how many were breached, and the share met.
import { DateTime } from "luxon";
import type { ComplianceReport } from "../../../contracts/sla";
import type { AppContext } from "../../context";
import { clocksOfTicketsOpenedBetween } from "./repository";

const ZONE = "America/Sao_Paulo";
type Outcome = "met" | "breached" | "pending";

function outcomeOf(
  clock: { due_at: number | null; met_at: number | null; breached_at: number | null },
  now: number,
): Outcome {
  if (clock.met_at !== null && clock.due_at !== null)
    return clock.met_at <= clock.due_at ? "met" : "breached";
  if (clock.breached_at !== null || (clock.due_at !== null && clock.due_at < now && clock.met_at === null))
    return "breached";
  return "pending";
}

function summary(outcomes: Outcome[]) {
  const met = outcomes.filter((o) => o === "met").length;
  const breached = outcomes.filter((o) => o === "breached").length;
  return {
    met,
    breached,
    pending: outcomes.length - met - breached,
    shareMet: met + breached > 0 ? met / (met + breached) : null,
  };
}

export async function complianceReport(ctx: AppContext, month: string): Promise<ComplianceReport> {
  const start = DateTime.fromISO(`${month}-01`, { zone: ZONE });
  const rows = await clocksOfTicketsOpenedBetween(
    ctx.db,
    start.toMillis(),
    start.plus({ months: 1 }).toMillis(),
  );
  const now = ctx.clock.now();
  const byCompany = new Map<
    string,
    { name: string; tickets: Set<string>; first: Outcome[]; resolution: Outcome[] }
  >();
  for (const row of rows) {
    const entry = byCompany.get(row.company_id) ?? {
      name: row.company_name,
      tickets: new Set(),
      first: [],
      resolution: [],
    };
    entry.tickets.add(row.ticket_id);
    (row.metric === "first_response" ? entry.first : entry.resolution).push(outcomeOf(row, now));
    byCompany.set(row.company_id, entry);
  }
  return {
    month,
    companies: [...byCompany.entries()]
      .map(([companyId, e]) => ({
        companyId,
        companyName: e.name,
        tickets: e.tickets.size,
        firstResponse: summary(e.first),
        resolution: summary(e.resolution),
      }))
      .sort((a, b) => a.companyName.localeCompare(b.companyName, "pt-BR")),
  };
}
