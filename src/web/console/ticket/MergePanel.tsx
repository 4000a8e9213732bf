// "Mesclar em…": the agent types the number of the ticket that continues, sees it (subject, status,
// company) and confirms; the server stays the judge (same company, neither merged, current version).
import { Alert, Button, Group, Loader, Modal, NumberInput, Paper, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconGitMerge } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Ticket } from "../../../contracts/tickets";
import { isApiError } from "../../api/api-error";
import { useMergeTicket, useTicketPreview } from "../../api/console-calls";
import { queryKeys } from "../../api/query-keys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusBadge } from "../../components/tickets/StatusBadge";
import { useI18n } from "../../i18n/i18n";

const LOOKUP_DEBOUNCE_MS = 300;

export function MergePanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="light"
        color="gray"
        fullWidth
        justify="flex-start"
        leftSection={<IconGitMerge size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t("merge.action")}
      </Button>
      {opened && <MergeForm ticket={ticket} onClose={() => setOpened(false)} />}
    </>
  );
}

function MergeForm({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const merge = useMergeTicket(ticket.number);
  const [typed, setTyped] = useState<number | string>("");
  const [number] = useDebouncedValue(
    typeof typed === "number" && typed > 0 ? typed : null,
    LOOKUP_DEBOUNCE_MS,
  );
  const self = number === ticket.number;
  const preview = useTicketPreview(self ? null : number);
  const target = preview.data;
  const problem = self
    ? t("validation.ticket_self")
    : !target
      ? null
      : target.companyId !== ticket.companyId
        ? t("merge.otherCompany")
        : target.mergedIntoNumber !== null
          ? t("merge.alreadyMerged", { number: target.mergedIntoNumber })
          : null;

  const confirm = (into: number) =>
    merge.mutate(
      { intoNumber: into, version: ticket.version },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("merge.done", { number: into }) });
          onClose();
        },
        // Someone changed the duplicate meanwhile: show what it is now before anyone tries again.
        onError: (error) => {
          if (isApiError(error) && error.status === 409)
            void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.number) });
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t("merge.title")} size="lg">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t("merge.intro")}
        </Text>
        <ErrorAlert error={merge.error} />
        <NumberInput
          label={t("merge.target")}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          maw={240}
          value={typed}
          onChange={setTyped}
          data-autofocus
        />
        {preview.isFetching && !target && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text fz="sm" c="dimmed">
              {t("merge.loading")}
            </Text>
          </Group>
        )}
        {preview.isError && (
          <Text fz="sm" c="red">
            {t("merge.notFound")}
          </Text>
        )}
        {target && !self && <TargetPreview target={target} />}
        {problem && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("merge.cancel")}
          </Button>
          <Button
            color="indigo"
            leftSection={<IconGitMerge size={16} aria-hidden />}
            disabled={!target || self || problem !== null}
            loading={merge.isPending}
            onClick={() => target && confirm(target.number)}
          >
            {t("merge.confirm", { from: ticket.number, into: target?.number ?? "…" })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TargetPreview({ target }: { target: Ticket }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="gray.0"
      aria-label={t("ticket.title", { number: target.number })}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} fz="sm">
            {t("ticket.title", { number: target.number })} · {target.subject}
          </Text>
          <StatusBadge status={target.status} size="sm" />
        </Group>
        <Text fz="xs" c="dimmed">
          {target.companyName} · {target.requester.name} · {formatDateTime(target.createdAt)}
        </Text>
      </Stack>
    </Paper>
  );
}
