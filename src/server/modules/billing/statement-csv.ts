// A company's monthly statement as a CSV file in pt-BR conventions: dates dd/mm/aaaa (São Paulo),
// hours with a decimal comma, ";" between cells. Labels follow the reader's language; the numbers
// keep the Brazilian format whatever it is, since the file is the vendor's billing document.
import { DateTime } from "luxon";
import type { CompanyStatement } from "../../../contracts/billing";
import { formatCnpj } from "../../../contracts/cnpj";
import { BILLING_TIME_ZONE } from "../../../domain/billing/months";
import type { Translate } from "../../../i18n";
import { toCsv } from "./csv";

const hoursFormat = new Intl.NumberFormat("pt-BR", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});

/** 90 minutes → "1,50". */
export function csvHours(minutes: number): string {
  return hoursFormat.format(minutes / 60);
}

/** An instant → "30/04/2026" in São Paulo. */
export function csvDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: BILLING_TIME_ZONE }).toFormat("dd/MM/yyyy");
}

/** "2026-04" → "04/2026". */
const csvMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** extrato-11222333000181-2026-04.csv */
export function statementFileName(statement: CompanyStatement): string {
  return `extrato-${statement.company.cnpj}-${statement.month}.csv`;
}

/**
 * `forCustomer`: the company admin's copy ("Consumo do plano") leaves out the staff's logged time,
 * which is internal.
 */
export function statementCsv(statement: CompanyStatement, t: Translate, forCustomer = false): string {
  const { company, figures } = statement;
  const total = (label: string, minutes: number) => [label, "", "", "", "", csvHours(minutes)];
  return toCsv([
    [t("statements.company"), company.name],
    [t("statements.csv.cnpj"), formatCnpj(company.cnpj)],
    [t("statements.month"), csvMonth(statement.month)],
    [t("statements.plan"), company.planName ?? t("statements.noPlan")],
    [],
    [
      t("statements.column.ticket"),
      t("statements.column.subject"),
      t("statements.column.estimate"),
      t("statements.column.approvedAt"),
      t("statements.column.approvedBy"),
      t("statements.column.hours"),
    ],
    ...statement.estimates.map((line) => [
      String(line.ticketNumber),
      line.ticketSubject,
      line.description,
      csvDate(line.approvedAt),
      line.approvedBy ?? "",
      csvHours(line.minutes),
    ]),
    [],
    total(t("statements.csv.included"), figures.includedMinutes),
    total(t("statements.csv.approved"), figures.approvedMinutes),
    total(t("statements.csv.billable"), figures.billableMinutes),
    ...(forCustomer
      ? [
          total(
            t("statements.csv.remaining"),
            Math.max(0, figures.includedMinutes - figures.usedIncludedMinutes),
          ),
        ]
      : [
          total(t("statements.csv.logged"), figures.loggedMinutes),
          total(t("statements.csv.loggedBillable"), figures.loggedBillableMinutes),
        ]),
  ]);
}
