// "Cumprimento por empresa": per company and metric, deadlines met, breached and pending and the share met.
import { Table, Text } from "@mantine/core";
import { useI18n } from "../../i18n/i18n";
import {
  type CompanyCompliance,
  type ComplianceTotal,
  formatShare,
  type Outcome,
  totalOf,
} from "./compliance-report";

export function ComplianceTable({ companies }: { companies: readonly CompanyCompliance[] }) {
  const { t } = useI18n();
  const total = totalOf(companies);
  const metricHeader = (label: string) => (
    <Table.Th colSpan={4} ta="center" scope="colgroup">
      {label}
    </Table.Th>
  );
  const outcomeHeaders = (
    <>
      <Table.Th ta="right">{t("compliance.met")}</Table.Th>
      <Table.Th ta="right">{t("compliance.breached")}</Table.Th>
      <Table.Th ta="right">{t("compliance.pending")}</Table.Th>
      <Table.Th ta="right">{t("compliance.shareMet")}</Table.Th>
    </>
  );
  return (
    <section aria-label={t("compliance.table")}>
      <Table.ScrollContainer minWidth={860}>
        <Table striped withTableBorder withColumnBorders fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>{t("compliance.company")}</Table.Th>
              <Table.Th rowSpan={2} ta="right">
                {t("compliance.tickets")}
              </Table.Th>
              {metricHeader(t("policy.firstResponse"))}
              {metricHeader(t("policy.resolution"))}
            </Table.Tr>
            <Table.Tr>
              {outcomeHeaders}
              {outcomeHeaders}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {companies.map((company) => (
              <ComplianceRow key={company.companyId} name={company.companyName} figures={company} />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <ComplianceRow name={t("compliance.total")} figures={total} strong />
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Text fz="xs" c="dimmed" mt={6}>
        {t("compliance.pendingHint")}
      </Text>
    </section>
  );
}

function ComplianceRow({
  name,
  figures,
  strong = false,
}: {
  name: string;
  figures: ComplianceTotal;
  strong?: boolean;
}) {
  const fw = strong ? 700 : undefined;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={strong ? 700 : 600}>
        {name}
      </Table.Th>
      <Table.Td ta="right" fw={fw}>
        {figures.tickets}
      </Table.Td>
      <OutcomeCells outcome={figures.firstResponse} fw={fw} />
      <OutcomeCells outcome={figures.resolution} fw={fw} />
    </Table.Tr>
  );
}

function OutcomeCells({ outcome, fw }: { outcome: Outcome; fw: number | undefined }) {
  const { locale } = useI18n();
  return (
    <>
      <Table.Td ta="right" fw={fw}>
        {outcome.met}
      </Table.Td>
      <Table.Td ta="right" fw={fw} c={outcome.breached > 0 ? "red.8" : undefined}>
        {outcome.breached}
      </Table.Td>
      <Table.Td ta="right" fw={fw}>
        {outcome.pending}
      </Table.Td>
      <Table.Td ta="right" fw={700}>
        {formatShare(outcome.shareMet, locale)}
      </Table.Td>
    </>
  );
}
