// Company rows to the contract's shape.

import type { StatementFigures } from "../../../contracts/billing";
import type { Company, CompanyListItem, CompanyOverview, CompanyStorage } from "../../../contracts/companies";
import type { TicketStatus } from "../../../contracts/tickets";
import { toIso } from "../../db/time";
import type { CompanyRow, CompanySummaryRow } from "./repository";

/** `storage` only for those who may read it (policies.company.readStorage). */
export function presentCompany(row: CompanyRow, storage?: CompanyStorage): Company {
  return {
    id: row.id,
    name: row.name,
    cnpj: row.cnpj,
    state: row.state,
    city: row.city,
    active: row.active === 1,
    planId: row.plan_id,
    createdAt: toIso(row.created_at),
    ...storage,
  };
}

/** The counts only for staff: a customer reading its own company gets the company alone. */
export function presentCompanyListItem(
  row: CompanySummaryRow,
  staff: boolean,
  storage?: CompanyStorage,
): CompanyListItem {
  return {
    ...presentCompany(row, storage),
    ...(staff && {
      planName: row.plan_name,
      activeUsers: Number(row.active_users),
      openTickets: Number(row.open_tickets),
    }),
  };
}

const NO_FIGURES = {
  includedMinutes: 0,
  approvedMinutes: 0,
  usedIncludedMinutes: 0,
  billableMinutes: 0,
  loggedMinutes: 0,
};

export function presentCompanyOverview(
  overview: {
    company: CompanySummaryRow;
    recent: { number: number; subject: string; status: TicketStatus; created_at: number }[];
    month: string;
    figures: StatementFigures | undefined;
  },
  storage?: CompanyStorage,
): CompanyOverview {
  const figures = overview.figures ?? NO_FIGURES;
  return {
    company: presentCompanyListItem(overview.company, true, storage),
    recentTickets: overview.recent.map((t) => ({
      number: t.number,
      subject: t.subject,
      status: t.status,
      createdAt: toIso(t.created_at),
    })),
    consultancy: {
      month: overview.month,
      includedMinutes: figures.includedMinutes,
      approvedMinutes: figures.approvedMinutes,
      usedIncludedMinutes: figures.usedIncludedMinutes,
      billableMinutes: figures.billableMinutes,
      loggedMinutes: figures.loggedMinutes,
    },
  };
}
