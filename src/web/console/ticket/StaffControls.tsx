// "Atendimento": staff change a ticket's status and priority; a stale version (409) reloads the ticket
// and says what changed meanwhile.
import { Paper, Select, Stack, Title } from "@mantine/core";
import { Priority, type Ticket, TicketStatus } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { StaleTicketAlert } from "./StaleTicketAlert";
import { STATUS_FIELD_ID } from "./TicketShortcuts";
import { useTicketChange } from "./use-ticket-change";

export function StaffControls({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const control = useTicketChange(ticket);
  const { change } = control;
  // A ticket the caller may not change (merged) shows its values, read only.
  const update = { isPending: control.pending || !ticket.abilities.change };

  return (
    <Paper withBorder radius="lg" p="lg" bg="gray.0">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("ticket.handling")}
        </Title>
        <StaleTicketAlert control={control} />
        <Select
          id={STATUS_FIELD_ID}
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
