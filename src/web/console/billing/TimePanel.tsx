// "Tempo": staff log the minutes they worked on a ticket and see everyone's entries with their totals.
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconClockPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import type { TimeEntry } from "../../../contracts/billing";
import type { Ticket } from "../../../contracts/tickets";
import { fieldError } from "../../api/api-error";
import { useDeleteTimeEntry, useLogTime, useTicketTimeEntries } from "../../api/billing";
import { isoDateToText, todayInSaoPaulo } from "../../components/billing/hours";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { formatDuration, formatIsoDate } from "../../policy/format-sla";
import { textToDate } from "../plans/calendar-form";

interface Draft {
  minutes: number | string;
  note: string;
  billable: boolean;
  /** As typed: dd/mm/aaaa. */
  workDate: string;
}

export function TimePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const entries = useTicketTimeEntries(ticket.number);
  const totals = entries.data?.totals;
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="ticket-time">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="h4" id="ticket-time">
            {t("billing.time.title")}
          </Title>
          <Text fz="xs" c="dimmed">
            {t("billing.staffOnly")}
          </Text>
        </Stack>
        {/* A fresh form when the classification changes: consultancy time is billable by default. */}
        {ticket.abilities.logTime && <LogTimeForm key={ticket.kind} ticket={ticket} />}
        {entries.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
        <ErrorAlert error={entries.error} />
        {totals && (
          <Text fz="sm" fw={600} data-testid="time-totals">
            {t("billing.time.totals", {
              total: formatDuration(totals.minutes, t),
              billable: formatDuration(totals.billableMinutes, t),
              nonBillable: formatDuration(totals.nonBillableMinutes, t),
            })}
          </Text>
        )}
        {entries.data && entries.data.items.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t("billing.time.empty")}
          </Text>
        )}
        {entries.data && entries.data.items.length > 0 && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {entries.data.items.map((entry) => (
              <TimeEntryItem key={entry.id} ticketNumber={ticket.number} entry={entry} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function LogTimeForm({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const logTime = useLogTime(ticket.number);
  const fresh = (): Draft => ({
    minutes: "",
    note: "",
    billable: ticket.kind === "consultancy",
    workDate: isoDateToText(todayInSaoPaulo(new Date())),
  });
  const [draft, setDraft] = useState<Draft>(fresh);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    logTime.mutate(
      {
        // An empty field goes missing, so that the server's message says it is required.
        minutes: typeof draft.minutes === "number" ? draft.minutes : undefined,
        note: draft.note,
        billable: draft.billable,
        // Typed as dd/mm/aaaa; left empty, the server takes today.
        workDate: draft.workDate.trim() ? textToDate(draft.workDate) : undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("billing.time.added") });
          setDraft(fresh());
        },
      },
    );
  };

  const fieldProblem = ["minutes", "note", "workDate", "billable"].some((f) => fieldError(logTime.error, f));
  return (
    <form onSubmit={submit} noValidate aria-label={t("billing.time.add")}>
      <Stack gap="xs">
        {!fieldProblem && <ErrorAlert error={logTime.error} />}
        <Group gap="xs" align="flex-start" grow>
          <NumberInput
            label={t("billing.time.minutes")}
            min={1}
            max={1440}
            allowDecimal={false}
            allowNegative={false}
            value={draft.minutes}
            onChange={(minutes) => setDraft({ ...draft, minutes })}
            error={fieldError(logTime.error, "minutes")}
          />
          <TextInput
            label={t("billing.time.workDate")}
            placeholder={t("billing.time.datePlaceholder")}
            value={draft.workDate}
            onChange={(event) => setDraft({ ...draft, workDate: event.currentTarget.value })}
            error={fieldError(logTime.error, "workDate")}
          />
        </Group>
        <Textarea
          label={t("billing.time.note")}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={500}
          value={draft.note}
          onChange={(event) => setDraft({ ...draft, note: event.currentTarget.value })}
          error={fieldError(logTime.error, "note")}
        />
        <Group justify="space-between" wrap="nowrap">
          <Checkbox
            label={t("billing.time.billable")}
            checked={draft.billable}
            onChange={(event) => setDraft({ ...draft, billable: event.currentTarget.checked })}
          />
          <Button
            type="submit"
            size="xs"
            loading={logTime.isPending}
            leftSection={<IconClockPlus size={16} aria-hidden />}
          >
            {t("billing.time.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TimeEntryItem({ ticketNumber, entry }: { ticketNumber: number; entry: TimeEntry }) {
  const { t, locale } = useI18n();
  const remove = useDeleteTimeEntry(ticketNumber);
  const duration = formatDuration(entry.minutes, t);
  const date = formatIsoDate(entry.workDate, locale);
  return (
    <li>
      <Stack gap={2}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="wrap">
            <Text fz="sm" fw={600}>
              {duration}
            </Text>
            <Text fz="xs" c="dimmed">
              {date} · {entry.user.name}
            </Text>
            {entry.billable && (
              <Badge size="xs" variant="light" color="orange">
                {t("billing.time.billableBadge")}
              </Badge>
            )}
          </Group>
          {entry.canDelete && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(entry.id, {
                  onSuccess: () => notifications.show({ color: "teal", message: t("billing.time.deleted") }),
                })
              }
              aria-label={t("billing.time.delete", { duration, date })}
            >
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Group>
        <Text fz="xs" style={{ whiteSpace: "pre-wrap" }}>
          {entry.note}
        </Text>
        <ErrorAlert error={remove.error} />
      </Stack>
    </li>
  );
}
