// "Extrato mensal": for a month, each company's consultancy hours (included, used, billable) and the
// time logged on its tickets, as bars and a table; each company opens its detail and CSV.
import { Alert, Loader, Select, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useStatements } from "../../api/billing";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { NotFoundPage } from "../../shell/NotFoundPage";
import { currentMonth, formatMonth, isMonth, recentMonths } from "../compliance/compliance-report";
import { StatementChart } from "./StatementChart";
import { StatementTable } from "./StatementTable";

const MONTHS_OFFERED = 24;

export function StatementsPage() {
  const { abilities } = useCurrentUser();
  // The menu offers the page only to those who may read it; an address typed by hand leads nowhere.
  if (!abilities.readBillingStatements) return <NotFoundPage />;
  return <Statements />;
}

/** The month asked for in the address (?month=2026-04), else the current one in São Paulo. */
export function useStatementMonth(): [string, (month: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const thisMonth = useMemo(() => currentMonth(new Date()), []);
  const asked = searchParams.get("month");
  return [isMonth(asked) ? asked : thisMonth, (month) => setSearchParams({ month })];
}

function Statements() {
  const { t, locale } = useI18n();
  usePageTitle(t("nav.statements"));
  const [month, setMonth] = useStatementMonth();
  const report = useStatements(month);
  const months = recentMonths(currentMonth(new Date()), MONTHS_OFFERED);
  if (!months.includes(month)) months.push(month);

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.statements")}
        </Title>
        <Text c="dimmed">{t("statements.intro")}</Text>
      </Stack>
      <Select
        label={t("statements.month")}
        data={months.map((value) => ({ value, label: formatMonth(value, locale) }))}
        value={month}
        onChange={(value) => {
          if (value) setMonth(value);
        }}
        allowDeselect={false}
        maw={260}
      />
      {report.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={report.error} />
      {report.data && report.data.companies.length === 0 && (
        <Alert color="gray" variant="light">
          {t("statements.empty")}
        </Alert>
      )}
      {report.data && report.data.companies.length > 0 && (
        <>
          <StatementChart rows={report.data.companies} />
          <StatementTable report={report.data} />
        </>
      )}
    </Stack>
  );
}
