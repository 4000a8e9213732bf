// One company's statement for a month: its figures, the estimates approved, the time per ticket, and
// "Exportar CSV" (the file the vendor bills from).
import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconDownload } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import type { CompanyStatement } from "../../../contracts/billing";
import { formatCnpj } from "../../../contracts/cnpj";
import { statementCsvUrl, useCompanyStatement } from "../../api/billing";
import { formatHours } from "../../components/billing/hours";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { NotFoundPage } from "../../shell/NotFoundPage";
import { formatMonth } from "../compliance/compliance-report";
import { useStatementMonth } from "./StatementsPage";
import { Figures } from "./StatementTable";

export function StatementDetailPage() {
  const { abilities } = useCurrentUser();
  const { companyId } = useParams();
  if (!abilities.readBillingStatements || !companyId) return <NotFoundPage />;
  return <StatementDetail companyId={companyId} />;
}

function StatementDetail({ companyId }: { companyId: string }) {
  const { t, locale } = useI18n();
  const [month] = useStatementMonth();
  const statement = useCompanyStatement(companyId, month);
  const name = statement.data?.company.name ?? "";
  usePageTitle(`${t("nav.statements")} — ${name}`);

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to={`/console/statements?month=${month}`} fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t("nav.statements")}
        </Group>
      </Anchor>
      {statement.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={statement.error} />
      {statement.data && (
        <>
          <Group justify="space-between" align="flex-end">
            <Stack gap={2}>
              <Title order={1} fz="h2">
                {t("statements.detailTitle", { company: name, month: formatMonth(month, locale) })}
              </Title>
              <Text c="dimmed" fz="sm">
                CNPJ {formatCnpj(statement.data.company.cnpj)} ·{" "}
                {statement.data.company.planName ?? t("statements.noPlan")}
              </Text>
            </Stack>
            <Button
              component="a"
              href={statementCsvUrl(companyId, month)}
              download
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t("statements.exportCsv")}
            </Button>
          </Group>
          <FiguresTable statement={statement.data} />
          <EstimateLines statement={statement.data} />
          <TimeLines statement={statement.data} />
        </>
      )}
    </Stack>
  );
}

function FiguresTable({ statement }: { statement: CompanyStatement }) {
  const { t } = useI18n();
  return (
    <Table withTableBorder fz="sm" aria-label={t("statements.table")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th ta="right">{t("statements.included")}</Table.Th>
          <Table.Th ta="right">{t("statements.used")}</Table.Th>
          <Table.Th ta="right">{t("statements.billable")}</Table.Th>
          <Table.Th ta="right">{t("statements.logged")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Figures figures={statement.figures} strong />
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function EstimateLines({ statement }: { statement: CompanyStatement }) {
  const { t, locale, formatDateTime } = useI18n();
  return (
    <Paper component="section" aria-label={t("statements.estimates")} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("statements.estimates")}
        </Title>
        {statement.estimates.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t("statements.noEstimates")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("statements.column.ticket")}</Table.Th>
                  <Table.Th>{t("statements.column.estimate")}</Table.Th>
                  <Table.Th>{t("statements.column.approvedAt")}</Table.Th>
                  <Table.Th>{t("statements.column.approvedBy")}</Table.Th>
                  <Table.Th ta="right">{t("statements.column.hours")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statement.estimates.map((line) => (
                  <Table.Tr key={line.estimateId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/console/tickets/${line.ticketNumber}`} fz="sm">
                        #{line.ticketNumber}
                      </Anchor>{" "}
                      {line.ticketSubject}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "pre-wrap" }}>{line.description}</Table.Td>
                    <Table.Td>{formatDateTime(line.approvedAt)}</Table.Td>
                    <Table.Td>{line.approvedBy ?? "—"}</Table.Td>
                    <Table.Td ta="right">{formatHours(line.minutes, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function TimeLines({ statement }: { statement: CompanyStatement }) {
  const { t, locale } = useI18n();
  return (
    <Paper component="section" aria-label={t("statements.time")} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("statements.time")}
        </Title>
        {statement.time.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t("statements.noTime")}
          </Text>
        ) : (
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("statements.column.ticket")}</Table.Th>
                <Table.Th ta="right">{t("statements.column.hours")}</Table.Th>
                <Table.Th ta="right">{t("statements.column.billableHours")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statement.time.map((line) => (
                <Table.Tr key={line.ticketNumber}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/tickets/${line.ticketNumber}`} fz="sm">
                      #{line.ticketNumber}
                    </Anchor>{" "}
                    {line.ticketSubject}
                  </Table.Td>
                  <Table.Td ta="right">{formatHours(line.minutes, locale)}</Table.Td>
                  <Table.Td ta="right">{formatHours(line.billableMinutes, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
