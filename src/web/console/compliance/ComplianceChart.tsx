// "Prazos cumpridos por empresa": one bar per company and metric, met in green and breached in red.
import { Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { ChartFrame } from "../../components/ChartFrame";
import { useI18n } from "../../i18n/i18n";
import { type CompanyCompliance, formatShare, type Outcome } from "./compliance-report";

const MET_COLOR = "teal.6";
const BREACHED_COLOR = "red.6";

export function ComplianceChart({ companies }: { companies: readonly CompanyCompliance[] }) {
  const { t } = useI18n();
  return (
    <ChartFrame
      title={t("compliance.chart")}
      legend={[
        { color: MET_COLOR, label: t("compliance.legendMet") },
        { color: BREACHED_COLOR, label: t("compliance.legendBreached") },
      ]}
    >
      {companies.map((company) => (
        <Stack key={company.companyId} gap={6}>
          <Text fw={600} fz="sm">
            {company.companyName}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing={6}>
            <ShareBar metric={t("policy.firstResponse")} outcome={company.firstResponse} />
            <ShareBar metric={t("policy.resolution")} outcome={company.resolution} />
          </SimpleGrid>
        </Stack>
      ))}
    </ChartFrame>
  );
}

function ShareBar({ metric, outcome }: { metric: string; outcome: Outcome }) {
  const { t, locale } = useI18n();
  const decided = outcome.met + outcome.breached;
  const share = outcome.shareMet;
  const label =
    share === null
      ? `${metric}: ${t("compliance.undecided")}`
      : t("compliance.barLabel", { metric, share: formatShare(share, locale), met: outcome.met, decided });
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      {/* The text above says it all; the bar is there to be seen at a glance. */}
      <Progress.Root size="lg" aria-hidden>
        {share !== null && (
          <>
            <Progress.Section value={share * 100} color={MET_COLOR} withAria={false} />
            <Progress.Section value={(1 - share) * 100} color={BREACHED_COLOR} withAria={false} />
          </>
        )}
      </Progress.Root>
    </Stack>
  );
}
