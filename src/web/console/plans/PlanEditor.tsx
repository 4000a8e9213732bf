// The admin's plan form: name, calendar, services and the deadlines per priority, with the API's field errors.
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import type { Calendar, Plan, PlanRequest, Target } from "../../../contracts/sla";
import { fieldError } from "../../api/api-error";
import { useSavePlan } from "../../api/sla";
import { DurationInput } from "../../components/DurationInput";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePhoneLayout } from "../../components/use-phone-layout";
import { useI18n } from "../../i18n/i18n";
import { PRIORITIES } from "../../policy/TargetsTable";

type TargetField = "firstResponseMinutes" | "nextResponseMinutes" | "resolutionMinutes";
const TARGET_FIELDS: {
  field: TargetField;
  label: "policy.firstResponse" | "policy.nextResponse" | "policy.resolution";
}[] = [
  { field: "firstResponseMinutes", label: "policy.firstResponse" },
  { field: "nextResponseMinutes", label: "policy.nextResponse" },
  { field: "resolutionMinutes", label: "policy.resolution" },
];
const SERVICES = ["portal", "phone", "email", "remoteConsultancy", "onSiteConsultancy"] as const;

const blankTarget: Target = {
  firstResponseMinutes: 240,
  nextResponseMinutes: 240,
  resolutionMinutes: 1440,
  businessHours: true,
};

function requestFrom(plan: Plan | null, calendars: Calendar[]): PlanRequest {
  if (plan)
    return {
      name: plan.name,
      description: plan.description,
      calendarId: plan.calendarId,
      services: plan.services,
      targets: plan.targets,
    };
  return {
    name: "",
    description: "",
    calendarId: calendars.find((calendar) => calendar.archivedAt === null)?.id ?? "",
    services: {
      portal: true,
      phone: false,
      email: true,
      remoteConsultancy: false,
      onSiteConsultancy: false,
      consultancyHoursPerMonth: 0,
    },
    targets: { low: blankTarget, normal: blankTarget, high: blankTarget, urgent: blankTarget },
  };
}

/** `plan` null: a new plan. Closing is the caller's, after a save or a cancel. */
export function PlanEditor({
  plan,
  calendars,
  onClose,
}: {
  plan: Plan | null;
  calendars: Calendar[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const phone = usePhoneLayout();
  const save = useSavePlan(plan?.id ?? null);
  const [draft, setDraft] = useState<PlanRequest>(() => requestFrom(plan, calendars));
  /** Targets whose text is not (yet) a duration: the form is not sent while there are any. */
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());
  const error = save.error;
  // New plans choose among calendars in use; a plan keeps the archived calendar it already has.
  const calendarChoices = calendars.filter(
    (calendar) => calendar.archivedAt === null || calendar.id === plan?.calendarId,
  );

  const setTargetMinutes = (
    priority: (typeof PRIORITIES)[number],
    field: TargetField,
    minutes: number | null,
  ) => {
    const key = `${priority}.${field}`;
    setUnreadable((current) => {
      const next = new Set(current);
      if (minutes === null) next.add(key);
      else next.delete(key);
      return next;
    });
    if (minutes !== null) setTarget(priority, { [field]: minutes });
  };

  const setTarget = (priority: (typeof PRIORITIES)[number], changes: Partial<Target>) =>
    setDraft((current) => ({
      ...current,
      targets: { ...current.targets, [priority]: { ...current.targets[priority], ...changes } },
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unreadable.size > 0) return;
    save.mutate(draft, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("planEditor.saved") });
        onClose();
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={phone}
      title={plan ? t("planEditor.titleEdit", { name: plan.name }) : t("planEditor.titleNew")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("planEditor.name")}
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
              error={fieldError(error, "name")}
              required
            />
            <Select
              label={t("planEditor.calendar")}
              data={calendarChoices.map((calendar) => ({ value: calendar.id, label: calendar.name }))}
              value={draft.calendarId || null}
              onChange={(value) => setDraft({ ...draft, calendarId: value ?? "" })}
              allowDeselect={false}
              error={fieldError(error, "calendarId")}
            />
          </SimpleGrid>
          <Textarea
            label={t("planEditor.description")}
            value={draft.description}
            onChange={(event) => setDraft({ ...draft, description: event.currentTarget.value })}
            error={fieldError(error, "description")}
            autosize
            minRows={2}
          />
          <Stack gap={6}>
            <Text fw={600} fz="sm">
              {t("policy.services")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {SERVICES.map((service) => (
                <Checkbox
                  key={service}
                  label={t(`policy.service.${service}`)}
                  checked={draft.services[service]}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      services: { ...draft.services, [service]: event.currentTarget.checked },
                    })
                  }
                />
              ))}
            </SimpleGrid>
            <NumberInput
              label={t("planEditor.consultancyHours")}
              value={draft.services.consultancyHoursPerMonth}
              onChange={(value) =>
                setDraft({
                  ...draft,
                  services: { ...draft.services, consultancyHoursPerMonth: Number(value) || 0 },
                })
              }
              min={0}
              maw={240}
              error={fieldError(error, "services.consultancyHoursPerMonth")}
            />
          </Stack>
          <Stack gap={6}>
            <Text fw={600} fz="sm">
              {t("planEditor.targets")}
            </Text>
            {phone ? (
              <Stack gap="xs">
                {PRIORITIES.map((priority) => (
                  <Paper key={priority} withBorder radius="md" p="sm">
                    <Stack gap="xs">
                      <Text fw={600}>{t(`ticket.priority.${priority}`)}</Text>
                      {TARGET_FIELDS.map(({ field, label }) => (
                        <DurationInput
                          key={field}
                          label={t(label)}
                          aria-label={`${t(`ticket.priority.${priority}`)} — ${t(label)}`}
                          value={draft.targets[priority][field]}
                          onChange={(minutes) => setTargetMinutes(priority, field, minutes)}
                          error={fieldError(error, `targets.${priority}.${field}`)}
                        />
                      ))}
                      <Switch
                        label={t("planEditor.businessHours")}
                        checked={draft.targets[priority].businessHours}
                        onChange={(event) =>
                          setTarget(priority, { businessHours: event.currentTarget.checked })
                        }
                      />
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            ) : (
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("policy.priority")}</Table.Th>
                    {TARGET_FIELDS.map(({ field, label }) => (
                      <Table.Th key={field}>{t(label)}</Table.Th>
                    ))}
                    <Table.Th>{t("planEditor.businessHours")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {PRIORITIES.map((priority) => (
                    <Table.Tr key={priority}>
                      <Table.Th scope="row">{t(`ticket.priority.${priority}`)}</Table.Th>
                      {TARGET_FIELDS.map(({ field, label }) => (
                        <Table.Td key={field}>
                          <DurationInput
                            aria-label={`${t(`ticket.priority.${priority}`)} — ${t(label)}`}
                            value={draft.targets[priority][field]}
                            onChange={(minutes) => setTargetMinutes(priority, field, minutes)}
                            error={fieldError(error, `targets.${priority}.${field}`)}
                          />
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Switch
                          aria-label={`${t(`ticket.priority.${priority}`)} — ${t("planEditor.businessHours")}`}
                          checked={draft.targets[priority].businessHours}
                          onChange={(event) =>
                            setTarget(priority, { businessHours: event.currentTarget.checked })
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("planEditor.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
