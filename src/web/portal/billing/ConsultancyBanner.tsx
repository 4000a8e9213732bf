// The portal ticket's consultancy part, under its header: why the ticket is consultancy (the Support
// Policy's words and the team's reason) and the hours estimates the company admin approves or declines.
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconInfoCircle, IconX } from "@tabler/icons-react";
import { useState } from "react";
import type { Estimate } from "../../../contracts/billing";
import type { Ticket } from "../../../contracts/tickets";
import { useEstimateCommand, useTicketEstimates } from "../../api/billing";
import { consultancyReasonHtml } from "../../components/billing/consultancy";
import { EstimateStatusBadge } from "../../components/billing/EstimateStatusBadge";
import { formatHours } from "../../components/billing/hours";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SanitizedHtml } from "../../components/tickets/SanitizedHtml";
import { useI18n } from "../../i18n/i18n";

export function ConsultancyBanner({ ticket }: { ticket: Ticket }) {
  const estimates = useTicketEstimates(ticket.number);
  const items = estimates.data?.items ?? [];
  if (ticket.kind !== "consultancy" && items.length === 0) return null;
  return (
    <Stack gap="md">
      {ticket.kind === "consultancy" && <ConsultancyCallout ticket={ticket} />}
      <ErrorAlert error={estimates.error} />
      {items.map((estimate) => (
        <EstimateCard
          key={estimate.id}
          ticketNumber={ticket.number}
          estimate={estimate}
          mayDecide={estimates.data?.abilities.decide ?? false}
        />
      ))}
    </Stack>
  );
}

function ConsultancyCallout({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const reason = consultancyReasonHtml(ticket);
  return (
    <Alert
      color="grape"
      variant="light"
      radius="lg"
      icon={<IconInfoCircle size={20} />}
      title={t("billing.callout.title")}
      role="note"
    >
      <Stack gap={6}>
        <Text fz="sm">{t("billing.callout.policy")}</Text>
        <Text fz="sm" fs="italic" component="blockquote" m={0} pl="sm" style={{ borderLeft: "3px solid" }}>
          “{t("policy.consultancy.body")}” {t("policy.consultancy.purpose")}
        </Text>
        {reason && (
          <Stack gap={2}>
            <Text fz="sm" fw={600}>
              {t("billing.callout.reason")}
            </Text>
            <SanitizedHtml html={reason} fz="sm" />
          </Stack>
        )}
        <Text fz="sm">{t("billing.callout.billing")}</Text>
      </Stack>
    </Alert>
  );
}

function EstimateCard({
  ticketNumber,
  estimate,
  mayDecide,
}: {
  ticketNumber: number;
  estimate: Estimate;
  mayDecide: boolean;
}) {
  const { t, locale, formatDateTime } = useI18n();
  const command = useEstimateCommand(ticketNumber);
  const [deciding, setDeciding] = useState<"approve" | "decline" | null>(null);
  const [note, setNote] = useState("");
  const pending = estimate.status === "sent";
  const hours = formatHours(estimate.minutes, locale);

  const decide = (action: "approve" | "decline") => {
    const trimmed = note.trim();
    command.mutate(
      { action, estimateId: estimate.id, request: trimmed ? { note: trimmed } : {} },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            message: action === "approve" ? t("billing.estimate.approved") : t("billing.estimate.declined"),
          });
          setDeciding(null);
          setNote("");
        },
        onError: () => setDeciding(null),
      },
    );
  };

  return (
    <Paper
      component="section"
      aria-label={pending ? t("billing.estimate.pendingTitle") : t("billing.estimate.title")}
      withBorder
      radius="lg"
      p="lg"
      style={pending ? { borderColor: "var(--mantine-color-yellow-6)" } : undefined}
      data-testid="estimate"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4">
            {pending ? t("billing.estimate.pendingTitle") : t("billing.estimate.title")}
          </Title>
          <EstimateStatusBadge status={estimate.status} />
        </Group>
        <Text fz="xl" fw={700}>
          {hours}
        </Text>
        <Text fz="sm" style={{ whiteSpace: "pre-wrap" }}>
          {estimate.description}
        </Text>
        {estimate.sentAt && (
          <Text fz="xs" c="dimmed">
            {t("billing.estimate.sentAt", { date: formatDateTime(estimate.sentAt) })}
          </Text>
        )}
        {estimate.decidedAt && estimate.decidedBy && (
          <Text fz="sm">
            {t("billing.estimate.decidedAt", {
              status: t(`billing.estimate.status.${estimate.status}`),
              date: formatDateTime(estimate.decidedAt),
              name: estimate.decidedBy.name,
            })}
          </Text>
        )}
        <ErrorAlert error={command.error} />
        {pending && mayDecide && (
          <>
            <Text fz="xs" c="dimmed">
              {t("billing.estimate.approveExplain")}
            </Text>
            <Group gap="sm">
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={() => setDeciding("approve")}
              >
                {t("billing.estimate.approve")}
              </Button>
              <Button
                variant="default"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={() => setDeciding("decline")}
              >
                {t("billing.estimate.decline")}
              </Button>
            </Group>
          </>
        )}
        {pending && !mayDecide && (
          <Text fz="sm" c="dimmed">
            {t("billing.estimate.adminDecides")}
          </Text>
        )}
      </Stack>
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={
          deciding === "decline"
            ? t("billing.estimate.confirmDecline", { hours })
            : t("billing.estimate.confirmApprove", { hours })
        }
        centered
      >
        <Stack gap="sm">
          {deciding === "approve" && <Text fz="sm">{t("billing.estimate.approveExplain")}</Text>}
          <Textarea
            label={t("billing.estimate.note")}
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeciding(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color={deciding === "decline" ? "red" : undefined}
              loading={command.isPending}
              onClick={() => deciding && decide(deciding)}
            >
              {deciding === "decline" ? t("billing.estimate.decline") : t("billing.estimate.approve")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
