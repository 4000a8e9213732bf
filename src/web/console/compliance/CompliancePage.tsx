// "Cumprimento do SLA": for a month, each company's deadlines met and breached, worst first, as bars and a table.
import { Alert, Loader, Select, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useComplianceReport } from "../../api/sla";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { NotFoundPage } from "../../shell/NotFoundPage";
import { ComplianceChart } from "./ComplianceChart";
import { ComplianceTable } from "./ComplianceTable";
import { currentMonth, formatMonth, isMonth, recentMonths, sortWorstFirst } from "./compliance-report";

const MONTHS_OFFERED = 24;

export function CompliancePage() {
  const { abilities } = useCurrentUser();
  // The menu offers the page only to those who may read it; an address typed by hand leads nowhere.
  if (!abilities.readSlaCompliance) return <NotFoundPage />;
  return <ComplianceReportPage />;
}

function ComplianceReportPage() {
  const { t, locale } = useI18n();
  usePageTitle(t("nav.compliance"));
  const [searchParams, setSearchParams] = useSearchParams();
  const thisMonth = useMemo(() => currentMonth(new Date()), []);
  const asked = searchParams.get("month");
  const month = isMonth(asked) ? asked : thisMonth;
  const report = useComplianceReport(month);

  const months = recentMonths(thisMonth, MONTHS_OFFERED);
  if (!months.includes(month)) months.push(month);
  const monthOptions = months.map((value) => ({ value, label: formatMonth(value, locale) }));
  const companies = useMemo(() => sortWorstFirst(report.data?.companies ?? []), [report.data]);

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.compliance")}
        </Title>
        <Text c="dimmed">{t("compliance.intro")}</Text>
      </Stack>
      <Select
        label={t("compliance.month")}
        data={monthOptions}
        value={month}
        onChange={(value) => {
          if (value) setSearchParams({ month: value });
        }}
        allowDeselect={false}
        maw={260}
      />
      {report.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={report.error} />
      {report.data && companies.length === 0 && (
        <Alert color="gray" variant="light">
          {t("compliance.empty")}
        </Alert>
      )}
      {companies.length > 0 && (
        <>
          <ComplianceChart companies={companies} />
          <ComplianceTable companies={companies} />
        </>
      )}
    </Stack>
  );
}
