// "Horas usadas e incluídas por empresa": one bar per company, used within the plan in teal, billable
// beyond it in orange, included hours left unused in gray.
import { Group, Progress, Stack, Text } from "@mantine/core";
import type { StatementRow } from "../../../contracts/billing";
import { formatHours, isOneHour } from "../../components/billing/hours";
import { ChartFrame } from "../../components/ChartFrame";
import { useI18n } from "../../i18n/i18n";
import { barShares } from "./statement-math";

const USED = "teal.6";
const BILLABLE = "orange.6";
const UNUSED = "gray.3";

export function StatementChart({ rows }: { rows: readonly StatementRow[] }) {
  const { t } = useI18n();
  return (
    <ChartFrame
      title={t("statements.chart")}
      legend={[
        { color: USED, label: t("statements.used") },
        { color: BILLABLE, label: t("statements.billable") },
        { color: UNUSED, label: t("statements.legendUnused") },
      ]}
    >
      {rows.map((row) => (
        <CompanyBar key={row.company.id} row={row} />
      ))}
    </ChartFrame>
  );
}

function CompanyBar({ row }: { row: StatementRow }) {
  const { t, locale } = useI18n();
  const shares = barShares(row);
  const label = [
    t("statements.barLabel", {
      used: t(isOneHour(row.approvedMinutes) ? "statements.barUsed.one" : "statements.barUsed", {
        hours: formatHours(row.approvedMinutes, locale),
      }),
      included: t(isOneHour(row.includedMinutes) ? "statements.barIncluded.one" : "statements.barIncluded", {
        hours: formatHours(row.includedMinutes, locale),
      }),
    }),
    ...(row.billableMinutes > 0
      ? [
          t(isOneHour(row.billableMinutes) ? "statements.barBillable.one" : "statements.barBillable", {
            billable: formatHours(row.billableMinutes, locale),
          }),
        ]
      : []),
  ].join(" · ");
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs">
        <Text fw={600} fz="sm">
          {row.company.name}
        </Text>
        <Text fz="xs" c="dimmed">
          {label}
        </Text>
      </Group>
      {/* The line above says it all; the bar is there to be seen at a glance. */}
      <Progress.Root size="lg" aria-hidden>
        <Progress.Section value={shares.usedIncluded} color={USED} withAria={false} />
        <Progress.Section value={shares.billable} color={BILLABLE} withAria={false} />
        <Progress.Section value={shares.unused} color={UNUSED} withAria={false} />
      </Progress.Root>
    </Stack>
  );
}
