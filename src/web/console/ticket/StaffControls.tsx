// "Atendimento": staff change a ticket's status and priority; a stale version (409) reloads the ticket.
import { Alert, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { Priority, type Ticket, TicketStatus, type UpdateTicketRequest } from "../../../contracts/tickets";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { useUpdateTicket } from "../../api/tickets";
import { useI18n } from "../../i18n/i18n";

export function StaffControls({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateTicket(ticket.number);
  const stale = isApiError(update.error) && update.error.status === 409;

  const change = (changes: Omit<UpdateTicketRequest, "version">) =>
    update.mutate(
      { version: ticket.version, ...changes },
      {
        onSuccess: () => notifications.show({ color: "teal", message: t("ticket.updated") }),
        // Someone else changed it meanwhile: show what it is now before anyone tries again.
        onError: (error) => {
          if (isApiError(error) && error.status === 409)
            void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.number) });
        },
      },
    );

  return (
    <Paper withBorder radius="lg" p="lg" bg="gray.0">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("ticket.handling")}
        </Title>
        {update.error && (
          <Alert
            color={stale ? "orange" : "red"}
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            role="alert"
          >
            {update.error.message}
            {stale && <Text fz="sm">{t("ticket.reloaded")}</Text>}
          </Alert>
        )}
        <Select
          label={t("ticket.field.status")}
          // The current status and the moves the server allows from it.
          data={[ticket.status, ...ticket.abilities.statusTargets].map((status) => ({
            value: status,
            label: t(`ticket.status.${status}`),
          }))}
          value={ticket.status}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(value) => {
            const parsed = TicketStatus.safeParse(value);
            if (parsed.success && parsed.data !== ticket.status) change({ status: parsed.data });
          }}
        />
        <Select
          label={t("ticket.field.priority")}
          description={t(`ticket.priorityMeaning.${ticket.priority}`)}
          data={Priority.options.map((priority) => ({
            value: priority,
            label: t(`ticket.priority.${priority}`),
          }))}
          value={ticket.priority}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(value) => {
            const parsed = Priority.safeParse(value);
            if (parsed.success && parsed.data !== ticket.priority) change({ priority: parsed.data });
          }}
        />
      </Stack>
    </Paper>
  );
}
