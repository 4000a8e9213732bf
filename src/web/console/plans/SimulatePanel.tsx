// "Simular prazo": when a ticket of a plan and priority opened at a given moment would be due, and why.
import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { Plan, SimulateResponse } from "../../../contracts/sla";
import type { Priority } from "../../../contracts/tickets";
import { fieldError } from "../../api/api-error";
import { useSimulateDeadline } from "../../api/sla";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { PRIORITIES } from "../../policy/TargetsTable";
import { wallClockToInstant } from "./simulate-form";

export function SimulatePanel({ plans }: { plans: Plan[] }) {
  const { t } = useI18n();
  const simulate = useSimulateDeadline();
  const [planId, setPlanId] = useState<string | null>(plans[0]?.id ?? null);
  const [priority, setPriority] = useState<Priority>("normal");
  const [openedAt, setOpenedAt] = useState("");
  const [pauseFrom, setPauseFrom] = useState("");
  const [pauseTo, setPauseTo] = useState("");
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const opened = wallClockToInstant(openedAt);
    setMissing(!planId || !opened);
    if (!planId || !opened) return;
    const from = wallClockToInstant(pauseFrom);
    const to = wallClockToInstant(pauseTo);
    simulate.mutate({ planId, priority, openedAt: opened, pauses: from && to ? [{ from, to }] : [] });
  };

  return (
    <Paper component="section" aria-label={t("simulate.title")} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("simulate.title")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("simulate.intro")}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t("simulate.plan")}
                data={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
                value={planId}
                onChange={setPlanId}
                allowDeselect={false}
                error={fieldError(simulate.error, "planId")}
              />
              <Select
                label={t("simulate.priority")}
                data={PRIORITIES.map((value) => ({ value, label: t(`ticket.priority.${value}`) }))}
                value={priority}
                onChange={(value) => setPriority(PRIORITIES.find((known) => known === value) ?? priority)}
                allowDeselect={false}
              />
              <TextInput
                type="datetime-local"
                label={t("simulate.openedAt")}
                description={t("simulate.timeZoneHint")}
                value={openedAt}
                onChange={(event) => setOpenedAt(event.currentTarget.value)}
                error={fieldError(simulate.error, "openedAt")}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="datetime-local"
                label={t("simulate.pauseFrom")}
                description={t("simulate.pauseHint")}
                value={pauseFrom}
                onChange={(event) => setPauseFrom(event.currentTarget.value)}
                error={fieldError(simulate.error, "pauses.0.from")}
              />
              <TextInput
                type="datetime-local"
                label={t("simulate.pauseTo")}
                description={t("simulate.timeZoneHint")}
                value={pauseTo}
                onChange={(event) => setPauseTo(event.currentTarget.value)}
                error={fieldError(simulate.error, "pauses.0.to")}
              />
            </SimpleGrid>
            {missing && <Alert color="red">{t("simulate.required")}</Alert>}
            <ErrorAlert error={simulate.error} />
            <Group>
              <Button type="submit" loading={simulate.isPending}>
                {t("simulate.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
        {simulate.data && <SimulationResult result={simulate.data} />}
      </Stack>
    </Paper>
  );
}

function SimulationResult({ result }: { result: SimulateResponse }) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Deadline
        label={t("simulate.firstResponseDue")}
        dueAt={result.firstResponseDueAt}
        lines={result.explanation.firstResponse.lines}
      />
      <Deadline
        label={t("simulate.resolutionDue")}
        dueAt={result.resolutionDueAt}
        lines={result.explanation.resolution.lines}
      />
    </SimpleGrid>
  );
}

function Deadline({ label, dueAt, lines }: { label: string; dueAt: string | null; lines: string[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap={6} component="section" aria-label={label}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {dueAt ? formatDateTime(dueAt) : t("simulate.noDeadline")}
      </Text>
      <Text fz="sm" fw={600}>
        {t("simulate.howCalculated")}
      </Text>
      <List size="sm" spacing={2}>
        {lines.map((line, index) => (
          // Lines may repeat (two equal nights); their order is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: the explanation is a fixed, ordered list
          <List.Item key={index}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
