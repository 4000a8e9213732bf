// After a ticket is opened: its number and status ("Aberta"), and the way to follow it.
import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Ticket } from "../../../contracts/tickets";
import { StatusBadge } from "../../components/tickets/StatusBadge";
import { useI18n } from "../../i18n/i18n";

export function TicketCreated({ ticket, onAnother }: { ticket: Ticket; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="lg" p="xl" maw={640} role="status">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" color="teal" variant="light" aria-hidden>
          <IconCircleCheck size={32} stroke={1.6} />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t("newTicket.created", { number: ticket.number })}
        </Title>
        <Group gap="xs" justify="center">
          <Text fw={500}>{ticket.subject}</Text>
          <StatusBadge status={ticket.status} />
        </Group>
        <Text c="dimmed">{t("newTicket.createdBody")}</Text>
        <Group mt="sm" justify="center">
          <Button component={Link} to={`/portal/tickets/${ticket.number}`}>
            {t("newTicket.viewTicket", { number: ticket.number })}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t("newTicket.another")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
