// A ticket's priority as a badge; its one-line meaning shows on hover and is read by screen readers.
import { Badge, type MantineColor, Tooltip } from "@mantine/core";
import type { Priority } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";

export const PRIORITY_COLORS: Record<Priority, MantineColor> = {
  low: "gray",
  normal: "blue",
  high: "orange",
  urgent: "red",
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useI18n();
  const meaning = t(`ticket.priorityMeaning.${priority}`);
  return (
    <Tooltip label={meaning} multiline maw={280} withArrow>
      <Badge
        color={PRIORITY_COLORS[priority]}
        variant="outline"
        radius="sm"
        tt="none"
        fw={600}
        miw="max-content"
      >
        {t(`ticket.priority.${priority}`)}
      </Badge>
    </Tooltip>
  );
}
