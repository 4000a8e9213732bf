// One plan as the policy states it: description, services, deadlines and the calendar they count in.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { Plan } from "../../contracts/sla";
import { useI18n } from "../i18n/i18n";
import { CalendarSummary } from "./CalendarSummary";
import { PlanServicesList } from "./PlanServicesList";
import { TargetsTable } from "./TargetsTable";

export function PlanPolicyCard({
  plan,
  isOwnPlan = false,
  actions,
}: {
  plan: Plan;
  isOwnPlan?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Paper
      component="section"
      aria-label={plan.name}
      withBorder
      radius="lg"
      p="lg"
      style={isOwnPlan ? { borderColor: "var(--mantine-primary-color-filled)", borderWidth: 2 } : undefined}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="sm">
              <Title order={2} fz="h3">
                {plan.name}
              </Title>
              {isOwnPlan && <Badge variant="filled">{t("policy.yourPlan")}</Badge>}
            </Group>
            {plan.description && <Text c="dimmed">{plan.description}</Text>}
          </Stack>
          {actions}
        </Group>
        <Stack gap={6}>
          <Title order={3} fz="md">
            {t("policy.deadlines")}
          </Title>
          <TargetsTable targets={plan.targets} />
          <Text fz="xs" c="dimmed">
            {t("policy.deadlinesNote")}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap={6}>
            <Title order={3} fz="md">
              {t("policy.services")}
            </Title>
            <PlanServicesList services={plan.services} />
          </Stack>
          <CalendarSummary calendar={plan.calendar} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
