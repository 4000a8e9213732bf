// A deadline's state as a coloured badge: "no prazo", "vence em breve", "pausado", "violado", "cumprido".
import { Badge, type MantineColor } from "@mantine/core";
import type { TicketSla } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";

type SlaState = TicketSla["deadlines"][number]["state"];

const STATE_COLORS: Record<SlaState, MantineColor> = {
  on_time: "green",
  due_soon: "yellow",
  paused: "gray",
  breached: "red",
  met: "teal",
};

export function SlaStateBadge({ state }: { state: SlaState }) {
  const { t } = useI18n();
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="light"
      size="sm"
      radius="sm"
      tt="none"
      fw={600}
      style={{ flexShrink: 0, minWidth: "max-content" }}
    >
      {t(`ticket.sla.state.${state}`)}
    </Badge>
  );
}
