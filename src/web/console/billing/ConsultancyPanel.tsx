// "Consultoria": staff classify the ticket (support ↔ consultancy, with a reason the customer reads)
// and, on consultancy, draft, send and withdraw the hours estimate the customer decides on.
import { Button, Group, Loader, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconSend, IconX } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { Estimate } from "../../../contracts/billing";
import type { Ticket, TicketKind } from "../../../contracts/tickets";
import { fieldError, isApiError } from "../../api/api-error";
import { type EstimateCommand, useEstimateCommand, useTicketEstimates } from "../../api/billing";
import { queryKeys } from "../../api/query-keys";
import { useUpdateTicket } from "../../api/tickets";
import { openEstimate } from "../../components/billing/consultancy";
import { EstimateStatusBadge } from "../../components/billing/EstimateStatusBadge";
import { formatHours, hoursToMinutes } from "../../components/billing/hours";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

export function ConsultancyPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const consultancy = ticket.kind === "consultancy";
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="ticket-consultancy">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="ticket-consultancy">
          {t("billing.consultancy.title")}
        </Title>
        <Text fz="sm">{consultancy ? t("policy.consultancy.body") : t("billing.classify.supportNow")}</Text>
        {ticket.abilities.change && (
          <Reclassify ticket={ticket} to={consultancy ? "support" : "consultancy"} />
        )}
        <Estimates ticket={ticket} />
      </Stack>
    </Paper>
  );
}

/** The button that changes the classification, opening a reason field first. */
function Reclassify({ ticket, to }: { ticket: Ticket; to: TicketKind }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateTicket(ticket.number);
  const estimates = useTicketEstimates(ticket.number);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const label = to === "consultancy" ? t("billing.classify.toConsultancy") : t("billing.classify.toSupport");

  if (!open)
    return (
      <Group>
        <Button variant={to === "consultancy" ? "light" : "subtle"} size="xs" onClick={() => setOpen(true)}>
          {label}
        </Button>
      </Group>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const kindReason = reason.trim() || undefined;
    update.mutate(
      { version: ticket.version, kind: to, ...(kindReason && { kindReason }) },
      {
        onSuccess: () => {
          // Back to support withdraws the open estimate: show it at once, live events or not.
          void queryClient.invalidateQueries({ queryKey: queryKeys.ticketEstimates(ticket.number) });
          notifications.show({ color: "teal", message: t("billing.classify.done") });
          setOpen(false);
          setReason("");
        },
        // Someone else changed the ticket meanwhile: show it as it is now.
        onError: (error) => {
          if (isApiError(error) && error.status === 409)
            void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.number) });
        },
      },
    );
  };
  const pending = estimates.data ? openEstimate(estimates.data.items) : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="xs">
        {!fieldError(update.error, "kindReason") && <ErrorAlert error={update.error} />}
        <Textarea
          label={t("billing.classify.reason")}
          description={to === "consultancy" ? t("billing.classify.reasonHint") : undefined}
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError(update.error, "kindReason")}
        />
        {to === "support" && pending && (
          <Text fz="xs" c="orange.8">
            {t("billing.classify.openEstimateWarning")}
          </Text>
        )}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" size="xs" loading={update.isPending}>
            {t("billing.classify.confirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Estimates({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const estimates = useTicketEstimates(ticket.number);
  const command = useEstimateCommand(ticket.number);
  const items = estimates.data?.items ?? [];
  const open = openEstimate(items);
  const run = (next: EstimateCommand, message: string) =>
    command.mutate(next, { onSuccess: () => notifications.show({ color: "teal", message }) });

  if (ticket.kind !== "consultancy" && items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t("billing.estimate.title")}>
      <Title order={3} fz="md">
        {t("billing.estimate.title")}
      </Title>
      {estimates.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
      <ErrorAlert error={estimates.error} />
      {command.error &&
        !fieldError(command.error, "minutes") &&
        !fieldError(command.error, "description") && <ErrorAlert error={command.error} />}
      {estimates.data && items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t("billing.estimate.none")}
        </Text>
      )}
      {items.map((estimate) => (
        <EstimateItem key={estimate.id} estimate={estimate}>
          {ticket.abilities.manageEstimates &&
            (estimate.status === "draft" || estimate.status === "sent") && (
              <Group gap="xs">
                {estimate.status === "draft" && (
                  <Button
                    size="xs"
                    leftSection={<IconSend size={14} aria-hidden />}
                    loading={command.isPending}
                    onClick={() =>
                      run({ action: "send", estimateId: estimate.id }, t("billing.estimate.sent"))
                    }
                  >
                    {t("billing.estimate.send")}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconX size={14} aria-hidden />}
                  disabled={command.isPending}
                  onClick={() =>
                    run({ action: "withdraw", estimateId: estimate.id }, t("billing.estimate.withdrawn"))
                  }
                >
                  {t("billing.estimate.withdraw")}
                </Button>
              </Group>
            )}
        </EstimateItem>
      ))}
      {ticket.abilities.manageEstimates && !open && estimates.data && (
        <NewEstimateForm
          busy={command.isPending}
          error={command.error}
          onSubmit={(request, done) =>
            command.mutate(
              { action: "create", request },
              {
                onSuccess: () => {
                  notifications.show({ color: "teal", message: t("billing.estimate.created") });
                  done();
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}

function EstimateItem({ estimate, children }: { estimate: Estimate; children?: ReactNode }) {
  const { t, locale, formatDateTime } = useI18n();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="estimate">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Text fw={700}>{formatHours(estimate.minutes, locale)}</Text>
          <EstimateStatusBadge status={estimate.status} />
        </Group>
        <Text fz="sm" style={{ whiteSpace: "pre-wrap" }}>
          {estimate.description}
        </Text>
        {estimate.sentAt && (
          <Text fz="xs" c="dimmed">
            {t("billing.estimate.sentAt", { date: formatDateTime(estimate.sentAt) })}
          </Text>
        )}
        {estimate.decidedAt && estimate.decidedBy && (
          <Text fz="xs" c="dimmed">
            {t("billing.estimate.decidedAt", {
              status: t(`billing.estimate.status.${estimate.status}`),
              date: formatDateTime(estimate.decidedAt),
              name: estimate.decidedBy.name,
            })}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

function NewEstimateForm({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: Error | null;
  onSubmit: (request: { minutes: number; description: string }, done: () => void) => void;
}) {
  const { t } = useI18n();
  const [hours, setHours] = useState("");
  const [description, setDescription] = useState("");
  const [hoursProblem, setHoursProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = hoursToMinutes(hours);
    setHoursProblem(minutes === null ? t("validation.required") : null);
    if (minutes === null) return;
    onSubmit({ minutes, description }, () => {
      setHours("");
      setDescription("");
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("billing.estimate.new")}>
      <Stack gap="xs">
        <Text fz="sm" fw={600}>
          {t("billing.estimate.new")}
        </Text>
        <TextInput
          label={t("billing.estimate.hours")}
          description={t("billing.estimate.hoursHint")}
          inputMode="decimal"
          value={hours}
          onChange={(event) => setHours(event.currentTarget.value)}
          error={hoursProblem ?? fieldError(error, "minutes")}
          w={160}
        />
        <Textarea
          label={t("billing.estimate.description")}
          autosize
          minRows={2}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(error, "description")}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" variant="light" loading={busy}>
            {t("billing.estimate.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
