// "Telas com mais ocorrências": the screens tickets were opened about in a period, most first, as bars
// (the ERP's product team's question: where does the ERP hurt most).
import { Alert, Group, Loader, Progress, SegmentedControl, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import type { TopScreensReport } from "../../../contracts/screens";
import { useTopScreens } from "../../api/screens";
import { ChartFrame } from "../../components/ChartFrame";
import { DateField } from "../../components/DateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { formatIsoDate } from "../../policy/format-sla";
import { barPercent, type PeriodPreset, periodOf, todayInBrasilia } from "./top-screens-period";

const BAR = "indigo.6";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function TopScreens() {
  const { t } = useI18n();
  const today = useMemo(() => todayInBrasilia(new Date()), []);
  const [preset, setPreset] = useState<PeriodPreset | "custom">("last30");
  const [period, setPeriod] = useState(() => periodOf("last30", today));
  const valid = ISO_DATE.test(period.from) && ISO_DATE.test(period.to);
  const report = useTopScreens(period.from, period.to, valid);

  const choose = (value: string) => {
    const chosen = value as PeriodPreset | "custom";
    setPreset(chosen);
    if (chosen !== "custom") setPeriod(periodOf(chosen, today));
  };
  const setDate = (field: "from" | "to", value: string) => {
    setPreset("custom");
    setPeriod((current) => ({ ...current, [field]: value }));
  };

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t("topScreens.period")}
        value={preset}
        onChange={choose}
        data={[
          { value: "last30", label: t("topScreens.last30") },
          { value: "thisMonth", label: t("topScreens.thisMonth") },
          { value: "lastMonth", label: t("topScreens.lastMonth") },
          { value: "last90", label: t("topScreens.last90") },
        ]}
        style={{ alignSelf: "flex-start", maxWidth: "100%" }}
        styles={{ root: { flexWrap: "wrap" } }}
      />
      <Group gap="sm" wrap="wrap">
        <DateField
          label={t("topScreens.from")}
          value={period.from}
          onChange={(date) => setDate("from", date)}
        />
        <DateField label={t("topScreens.to")} value={period.to} onChange={(date) => setDate("to", date)} />
      </Group>
      {report.isPending && valid && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={report.error} />
      {report.data && <Ranking report={report.data} />}
    </Stack>
  );
}

function Ranking({ report }: { report: TopScreensReport }) {
  const { t, locale } = useI18n();
  const period = t("topScreens.periodText", {
    from: formatIsoDate(report.from, locale),
    to: formatIsoDate(report.to, locale),
  });
  if (report.items.length === 0)
    return (
      <Alert color="gray" variant="light">
        {t("topScreens.empty", { period })}
      </Alert>
    );
  const most = report.items[0]?.tickets ?? 0;
  return (
    <ChartFrame
      title={t("topScreens.chart", { period })}
      legend={[{ color: BAR, label: t("topScreens.legend") }]}
    >
      <Text fz="sm" c="dimmed">
        {t(report.totalTickets === 1 ? "topScreens.totalOne" : "topScreens.total", {
          count: report.totalTickets,
        })}
      </Text>
      <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {report.items.map((item) => (
          <Stack component="li" key={item.code} gap={2}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fz="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                <Text span ff="monospace" fw={700}>
                  {item.code}
                </Text>{" "}
                – {item.name}{" "}
                <Text span c="dimmed" fz="xs">
                  ({item.module}
                  {item.active ? "" : ` · ${t("screens.inactive")}`})
                </Text>
              </Text>
              <Text fz="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                {t(item.tickets === 1 ? "topScreens.ticketsOne" : "topScreens.tickets", {
                  count: item.tickets,
                })}
              </Text>
            </Group>
            <Progress value={barPercent(item.tickets, most)} color={BAR} size="lg" aria-hidden />
          </Stack>
        ))}
      </Stack>
    </ChartFrame>
  );
}
