// "Prazos cumpridos por empresa": one bar per company and metric, met in green and breached in red.
import { Box, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/i18n";
import { type CompanyCompliance, formatShare, type Outcome } from "./compliance-report";

const MET_COLOR = "teal.6";
const BREACHED_COLOR = "red.6";

export function ComplianceChart({ companies }: { companies: readonly CompanyCompliance[] }) {
  const { t } = useI18n();
  return (
    <Paper component="section" aria-label={t("compliance.chart")} withBorder radius="md" p="md">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="h4">
            {t("compliance.chart")}
          </Title>
          <Group gap="md" aria-hidden>
            <LegendSwatch color={MET_COLOR} label={t("compliance.legendMet")} />
            <LegendSwatch color={BREACHED_COLOR} label={t("compliance.legendBreached")} />
          </Group>
        </Group>
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
      </Stack>
    </Paper>
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

function LegendSwatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <Box w={12} h={12} bg={color} style={{ borderRadius: 3 }} />
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
