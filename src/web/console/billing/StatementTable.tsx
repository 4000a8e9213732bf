// "Horas por empresa": per company, the plan's included hours, those used (approved in the month),
// the billable ones and the time logged, with the totals and a link to each company's detail.
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { StatementFigures, StatementReport } from "../../../contracts/billing";
import { formatHours, isOneHour } from "../../components/billing/hours";
import { useI18n } from "../../i18n/i18n";

export function StatementTable({ report }: { report: StatementReport }) {
  const { t } = useI18n();
  return (
    <section aria-label={t("statements.table")}>
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("statements.company")}</Table.Th>
              <Table.Th>{t("statements.plan")}</Table.Th>
              <Table.Th ta="right">{t("statements.included")}</Table.Th>
              <Table.Th ta="right">{t("statements.used")}</Table.Th>
              <Table.Th ta="right">{t("statements.billable")}</Table.Th>
              <Table.Th ta="right">{t("statements.logged")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.companies.map((row) => (
              <Table.Tr key={row.company.id}>
                <Table.Th scope="row" fw={600}>
                  {row.company.name}
                </Table.Th>
                <Table.Td>{row.company.planName ?? t("statements.noPlan")}</Table.Td>
                <Figures figures={row} />
                <Table.Td ta="right">
                  <Anchor
                    component={Link}
                    to={`/console/statements/${row.company.id}?month=${report.month}`}
                    fz="sm"
                    aria-label={t("statements.detailsOf", { company: row.company.name })}
                  >
                    {t("statements.details")}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" fw={700}>
                {t("statements.total")}
              </Table.Th>
              <Table.Td />
              <Figures figures={report.totals} strong />
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

/** The four figures of a row, in hours: included, used, billable, and the time logged. */
export function Figures({ figures, strong = false }: { figures: StatementFigures; strong?: boolean }) {
  const { t, locale } = useI18n();
  const fw = strong ? 700 : undefined;
  const hours = (minutes: number) => formatHours(minutes, locale);
  const loggedBillable = t(
    isOneHour(figures.loggedBillableMinutes) ? "statements.loggedBillable.one" : "statements.loggedBillable",
    { hours: hours(figures.loggedBillableMinutes) },
  );
  return (
    <>
      <Table.Td ta="right" fw={fw}>
        {hours(figures.includedMinutes)}
      </Table.Td>
      <Table.Td ta="right" fw={fw}>
        {hours(figures.approvedMinutes)}
      </Table.Td>
      <Table.Td ta="right" fw={fw} c={figures.billableMinutes > 0 ? "orange.8" : undefined}>
        {hours(figures.billableMinutes)}
      </Table.Td>
      <Table.Td ta="right" fw={fw}>
        {hours(figures.loggedMinutes)}
        {figures.loggedBillableMinutes > 0 && (
          <Text span fz="xs" c="dimmed">
            {" "}
            ({loggedBillable})
          </Text>
        )}
      </Table.Td>
    </>
  );
}
