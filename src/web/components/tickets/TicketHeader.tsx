// The top of a ticket's page: its number, subject and status, and the way back to the list.
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Ticket } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { StatusBadge } from "./StatusBadge";

export function TicketHeader({ ticket, listPath }: { ticket: Ticket; listPath: string }) {
  const { t } = useI18n();
  return (
    <Stack gap={6}>
      <Anchor
        component={Link}
        to={listPath}
        fz="sm"
        style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t("ticket.backToList")}
      </Anchor>
      <Group gap="sm">
        <Text fz="sm" fw={600} c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
          {t("ticket.title", { number: ticket.number })}
        </Text>
        <StatusBadge status={ticket.status} size="lg" />
      </Group>
      <Title order={1} fz="h2" style={{ overflowWrap: "anywhere" }}>
        {ticket.subject}
      </Title>
    </Stack>
  );
}
