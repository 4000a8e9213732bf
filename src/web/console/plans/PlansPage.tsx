// "Planos e prazos": every plan as the policy states it, the deadline simulator, and (admins) the editors.
import { Badge, Button, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Plan } from "../../../contracts/sla";
import { useCalendars, usePlans } from "../../api/sla";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { PlanPolicyCard } from "../../policy/PlanPolicyCard";
import { useCurrentUser } from "../../shell/current-user";
import { ErrorState } from "../../shell/ErrorState";
import { ArchiveButton } from "./ArchiveButton";
import { CalendarsSection } from "./CalendarsSection";
import { PlanEditor } from "./PlanEditor";
import { SimulatePanel } from "./SimulatePanel";

type Editing = { plan: Plan | null } | null;

export function PlansPage() {
  const { t } = useI18n();
  const { abilities } = useCurrentUser();
  const canEdit = abilities.managePlans;
  const plans = usePlans();
  const calendars = useCalendars();
  const [editing, setEditing] = useState<Editing>(null);
  usePageTitle(t("nav.plans"));

  const error = plans.error ?? calendars.error;
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t("nav.plans")}
          </Title>
          <Text c="dimmed">{t("plans.intro")}</Text>
          {canEdit && (
            <Text c="dimmed" fz="sm">
              {t("archive.hint")}
            </Text>
          )}
        </Stack>
        {canEdit && calendars.data && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ plan: null })}>
            {t("plans.new")}
          </Button>
        )}
      </Group>
      {(plans.isPending || calendars.isPending) && !error && <Loader aria-label={t("app.loading")} />}
      {error && (
        <ErrorState
          error={error}
          onRetry={() => {
            void plans.refetch();
            void calendars.refetch();
          }}
        />
      )}
      {plans.data && <SimulatePanel plans={plans.data.items} />}
      {plans.data?.items.map((plan) => (
        <PlanPolicyCard
          key={plan.id}
          plan={plan}
          actions={
            <Group gap={4}>
              {plan.archivedAt !== null && (
                <Badge color="gray" variant="light">
                  {t("archive.badge")}
                </Badge>
              )}
              {canEdit && (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing({ plan })}
                  aria-label={t("plans.edit", { name: plan.name })}
                >
                  {t("plans.editShort")}
                </Button>
              )}
              {canEdit && (
                <ArchiveButton
                  kind="plan"
                  id={plan.id}
                  name={plan.name}
                  archived={plan.archivedAt !== null}
                />
              )}
            </Group>
          }
        />
      ))}
      {calendars.data && <CalendarsSection calendars={calendars.data.items} canEdit={canEdit} />}
      {editing && calendars.data && (
        <PlanEditor plan={editing.plan} calendars={calendars.data.items} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
