// "Consumo do plano": for the company's admin, the month's consultancy hours — included in the plan,
// approved, used, remaining, billable — with the approved estimates and the statement's CSV.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { PlanConsumption } from "../../../contracts/billing";
import { planConsumptionCsvUrl, usePlanConsumption } from "../../api/billing";
import { formatHours } from "../../components/billing/hours";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { currentMonth, formatMonth, recentMonths } from "../../console/compliance/compliance-report";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { NotFoundPage } from "../../shell/NotFoundPage";

const MONTHS_OFFERED = 12;

export function ConsumptionPage() {
  const me = useCurrentUser();
  // The menu offers it only to the company's admin; an address typed by hand leads nowhere.
  if (!me.abilities.readPlanConsumption || !me.company) return <NotFoundPage />;
  return <Consumption companyId={me.company.id} />;
}

function Consumption({ companyId }: { companyId: string }) {
  const { t, locale } = useI18n();
  usePageTitle(t("nav.consumption"));
  const thisMonth = useMemo(() => currentMonth(new Date()), []);
  const [month, setMonth] = useState(thisMonth);
  const consumption = usePlanConsumption(companyId, month);

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.consumption")}
        </Title>
        <Text c="dimmed">{t("consumption.intro")}</Text>
      </Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Select
          label={t("statements.month")}
          data={recentMonths(thisMonth, MONTHS_OFFERED).map((value) => ({
            value,
            label: formatMonth(value, locale),
          }))}
          value={month}
          onChange={(value) => {
            if (value) setMonth(value);
          }}
          allowDeselect={false}
          w={240}
        />
        <Button
          component="a"
          href={planConsumptionCsvUrl(companyId, month)}
          download
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t("consumption.csv")}
        </Button>
      </Group>
      {consumption.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={consumption.error} />
      {consumption.data && <Figures consumption={consumption.data} />}
      {consumption.data && <Estimates consumption={consumption.data} />}
    </Stack>
  );
}

function Figures({ consumption }: { consumption: PlanConsumption }) {
  const { t, locale } = useI18n();
  const { figures, company } = consumption;
  const hours = (minutes: number) => formatHours(minutes, locale);
  const usedShare =
    figures.includedMinutes > 0 ? (figures.usedIncludedMinutes / figures.includedMinutes) * 100 : 0;
  const cards = [
    { key: "included", label: t("consumption.included"), value: figures.includedMinutes },
    { key: "approved", label: t("consumption.approved"), value: figures.approvedMinutes },
    { key: "used", label: t("consumption.used"), value: figures.usedIncludedMinutes },
    { key: "remaining", label: t("consumption.remaining"), value: figures.remainingMinutes },
  ] as const;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t("consumption.figures")}>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {company.planName
            ? t("consumption.plan", { plan: company.planName, hours: hours(figures.includedMinutes) })
            : t("consumption.noPlan")}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {cards.map((card) => (
            <Stack key={card.key} gap={0}>
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                {card.label}
              </Text>
              <Text fz="xl" fw={700} data-figure={card.key}>
                {hours(card.value)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {figures.includedMinutes > 0 && (
          <Progress
            value={usedShare}
            color={figures.remainingMinutes === 0 ? "orange" : "teal"}
            size="lg"
            aria-label={t("consumption.bar", {
              used: hours(figures.usedIncludedMinutes),
              included: hours(figures.includedMinutes),
            })}
          />
        )}
        {figures.billableMinutes > 0 && (
          <Alert color="orange" variant="light">
            {t("consumption.billable", { hours: hours(figures.billableMinutes) })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Estimates({ consumption }: { consumption: PlanConsumption }) {
  const { t, locale, formatDateTime } = useI18n();
  return (
    <Paper component="section" aria-label={t("statements.estimates")} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("statements.estimates")}
        </Title>
        {consumption.estimates.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t("statements.noEstimates")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("statements.column.ticket")}</Table.Th>
                  <Table.Th>{t("statements.column.estimate")}</Table.Th>
                  <Table.Th>{t("statements.column.approvedAt")}</Table.Th>
                  <Table.Th ta="right">{t("statements.column.hours")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {consumption.estimates.map((line) => (
                  <Table.Tr key={line.estimateId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/portal/tickets/${line.ticketNumber}`}>
                        #{line.ticketNumber}
                      </Anchor>{" "}
                      {line.ticketSubject}
                    </Table.Td>
                    <Table.Td>{line.description}</Table.Td>
                    <Table.Td>
                      {formatDateTime(line.approvedAt)}
                      {line.approvedBy ? ` · ${line.approvedBy}` : ""}
                    </Table.Td>
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
