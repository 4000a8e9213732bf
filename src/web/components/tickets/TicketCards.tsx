// A ticket list on a phone: one card per ticket instead of a table too wide to read.
import { ActionIcon, Group, Stack, Text } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { StatusBadge } from "./StatusBadge";
import type { TicketListTableProps } from "./TicketListTable";

export function TicketCards({ tickets, ticketPath, staffColumns = false }: TicketListTableProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {tickets.map((ticket) => (
        <Group
          component="li"
          key={ticket.number}
          wrap="nowrap"
          gap="sm"
          p="sm"
          style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
        >
          <Stack gap={4} miw={0} style={{ flex: 1 }}>
            <Group gap="xs">
              <Text fw={700} fz="sm">
                {ticket.number}
              </Text>
              <StatusBadge status={ticket.status} size="sm" />
            </Group>
            <Text fz="sm" fw={500} lineClamp={2}>
              {ticket.subject}
            </Text>
            <Text fz="xs" c="dimmed">
              {[
                ticket.screenCode,
                staffColumns ? ticket.companyName : ticket.requester.name,
                formatDateTime(ticket.updatedAt),
              ].join(" · ")}
            </Text>
          </Stack>
          <ActionIcon
            component={Link}
            to={ticketPath(ticket.number)}
            variant="light"
            size="lg"
            aria-label={t("tickets.open", { number: ticket.number })}
          >
            <IconSearch size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
