// The monthly statement ("extrato mensal"): per company, the consultancy hours its current plan
// includes, the hours of the estimates approved in the month, what exceeds the plan (billable), and
// the time logged on its tickets with a work date in the month. Months are São Paulo's.
import type { CompanyStatement, StatementFigures, StatementReport } from "../../../contracts/billing";
import type { PlanServices } from "../../../contracts/sla";
import { monthDateRange } from "../../../domain/billing/months";
import { consultancyFigures, includedMinutesOf } from "../../../domain/billing/statement";
import type { AppContext } from "../../context";
import { toIso } from "../../db/time";
import { approvedEstimatesOfCompany, approvedMinutesByCompany } from "./estimate-repository";
import { type CompanyWithPlan, findCompanyWithPlan, listCompaniesWithPlans } from "./statement-repository";
import { timeByCompany, timeByTicketOfCompany } from "./time-entry-repository";

function includedMinutesOfPlan(services: PlanServices | null): number {
  return services === null ? 0 : includedMinutesOf(services.consultancyHoursPerMonth);
}

function figuresOf(
  company: CompanyWithPlan,
  approvedMinutes: number,
  logged: { minutes: number; billableMinutes: number },
): StatementFigures {
  return {
    ...consultancyFigures(includedMinutesOfPlan(company.plan_services), approvedMinutes),
    loggedMinutes: logged.minutes,
    loggedBillableMinutes: logged.billableMinutes,
  };
}

const companyOf = (row: CompanyWithPlan) => ({
  id: row.id,
  name: row.name,
  cnpj: row.cnpj,
  planName: row.plan_name,
});

const NO_TIME = { minutes: 0, billableMinutes: 0 };

function sumFigures(rows: readonly StatementFigures[]): StatementFigures {
  const sum = (pick: (f: StatementFigures) => number) => rows.reduce((total, f) => total + pick(f), 0);
  return {
    includedMinutes: sum((f) => f.includedMinutes),
    approvedMinutes: sum((f) => f.approvedMinutes),
    usedIncludedMinutes: sum((f) => f.usedIncludedMinutes),
    billableMinutes: sum((f) => f.billableMinutes),
    loggedMinutes: sum((f) => f.loggedMinutes),
    loggedBillableMinutes: sum((f) => f.loggedBillableMinutes),
  };
}

/** Every active company, and any other with approvals or time in the month, by name. */
export async function statementReport(ctx: AppContext, month: string): Promise<StatementReport> {
  const { from, until } = monthDateRange(month);
  const [companies, approved, time] = await Promise.all([
    listCompaniesWithPlans(ctx.db),
    approvedMinutesByCompany(ctx.db, month),
    timeByCompany(ctx.db, from, until),
  ]);
  const approvedOf = new Map(approved.map((row) => [row.company_id, Number(row.minutes)]));
  const timeOf = new Map(
    time.map((row) => [
      row.company_id,
      { minutes: Number(row.minutes), billableMinutes: Number(row.billable_minutes) },
    ]),
  );
  const rows = companies
    .filter((c) => c.active === 1 || approvedOf.has(c.id) || timeOf.has(c.id))
    .map((c) => ({
      company: companyOf(c),
      ...figuresOf(c, approvedOf.get(c.id) ?? 0, timeOf.get(c.id) ?? NO_TIME),
    }))
    .sort((a, b) => a.company.name.localeCompare(b.company.name, "pt-BR"));
  return { month, companies: rows, totals: sumFigures(rows) };
}

/** One company's statement with its lines; undefined (→ 404) for an unknown company. */
export async function companyStatement(
  ctx: AppContext,
  companyId: string,
  month: string,
): Promise<CompanyStatement | undefined> {
  const company = await findCompanyWithPlan(ctx.db, companyId);
  if (!company) return undefined;
  const { from, until } = monthDateRange(month);
  const [estimates, time] = await Promise.all([
    approvedEstimatesOfCompany(ctx.db, companyId, month),
    timeByTicketOfCompany(ctx.db, companyId, from, until),
  ]);
  const approvedMinutes = estimates.reduce((sum, row) => sum + row.minutes, 0);
  const logged = {
    minutes: time.reduce((sum, row) => sum + Number(row.minutes), 0),
    billableMinutes: time.reduce((sum, row) => sum + Number(row.billable_minutes), 0),
  };
  return {
    month,
    company: companyOf(company),
    figures: figuresOf(company, approvedMinutes, logged),
    estimates: estimates.map((row) => ({
      estimateId: row.id,
      ticketNumber: row.ticket_number,
      ticketSubject: row.ticket_subject,
      description: row.description,
      minutes: row.minutes,
      approvedAt: toIso(row.decided_at ?? 0),
      approvedBy: row.decider_name,
    })),
    time: time.map((row) => ({
      ticketNumber: row.number,
      ticketSubject: row.subject,
      minutes: Number(row.minutes),
      billableMinutes: Number(row.billable_minutes),
    })),
  };
}
