// A ticket's status as a coloured badge: "Aberta", "Em andamento", "Aguardando cliente", "Finalizada", "Cancelada".
import { Badge, type MantineColor } from "@mantine/core";
import type { TicketStatus } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";

const STATUS_COLORS: Record<TicketStatus, MantineColor> = {
  open: "blue",
  in_progress: "yellow",
  waiting_customer: "grape",
  resolved: "teal",
  cancelled: "gray",
};

export function StatusBadge({ status, size = "md" }: { status: TicketStatus; size?: "sm" | "md" | "lg" }) {
  const { t } = useI18n();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      size={size}
      radius="sm"
      tt="none"
      fw={600}
      // Never cut a status short in a narrow table cell.
      style={{ flexShrink: 0, minWidth: "max-content" }}
    >
      {t(`ticket.status.${status}`)}
    </Badge>
  );
}
