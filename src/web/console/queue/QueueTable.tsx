// The queue's rows, dense: number, subject (category, tags), company, screen, status, priority,
// assignee, SLA deadline ("vence em 2 h", red once violado) and last update. One row is selected
// for the keyboard; its number and the magnifier open the ticket. On a laptop's width (1366 px) the
// last update is left out, so that every other column, the magnifier included, fits without scrolling.
import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { Link } from "react-router";
import type { QueueItem } from "../../../contracts/queue";
import { PriorityBadge } from "../../components/tickets/PriorityBadge";
import { StatusBadge } from "../../components/tickets/StatusBadge";
import { useI18n } from "../../i18n/i18n";
import { type DueTone, dueText } from "./due-text";

const NO_WRAP = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;
const DUE_COLORS: Record<DueTone, string | undefined> = {
  breached: "red.7",
  due_soon: "orange.8",
  on_time: undefined,
  none: "dimmed",
};

export function QueueTable({
  items,
  selected,
  now,
  onSelect,
  ticketPath,
}: {
  items: readonly QueueItem[];
  selected: number;
  now: number;
  onSelect: (index: number) => void;
  ticketPath: (number: number) => string;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("ticket.field.number")}</Table.Th>
            <Table.Th miw={180}>{t("ticket.field.subject")}</Table.Th>
            <Table.Th miw={130}>{t("ticket.field.company")}</Table.Th>
            <Table.Th>{t("ticket.field.screenShort")}</Table.Th>
            <Table.Th>{t("ticket.field.status")}</Table.Th>
            <Table.Th>{t("ticket.field.priority")}</Table.Th>
            <Table.Th>{t("queue.column.assignee")}</Table.Th>
            <Table.Th>{t("queue.column.due")}</Table.Th>
            <Table.Th visibleFrom="xl">{t("queue.column.updated")}</Table.Th>
            <Table.Th w={44}>
              <VisuallyHidden>{t("tickets.openColumn")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => {
            const isSelected = index === selected;
            const due = dueText(item.dueAt, item.slaState, now);
            return (
              <Table.Tr
                key={item.number}
                data-queue-row={index}
                data-selected={isSelected || undefined}
                onClick={() => onSelect(index)}
                bg={isSelected ? "blue.0" : undefined}
                style={{
                  cursor: "default",
                  boxShadow: isSelected ? "inset 3px 0 0 var(--mantine-color-blue-6)" : undefined,
                }}
              >
                <Table.Td fw={600} style={NO_WRAP}>
                  <Anchor component={Link} to={ticketPath(item.number)} c="inherit" fw={600} fz="sm">
                    {item.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500} lineClamp={1}>
                    {item.subject}
                  </Text>
                  <Group gap={4}>
                    <Text fz="xs" c="dimmed" lineClamp={1}>
                      {item.category.name}
                    </Text>
                    {item.kind === "consultancy" && (
                      <Badge size="xs" radius="sm" variant="light" color="grape" tt="none">
                        {t("ticket.kind.consultancy")}
                      </Badge>
                    )}
                    {item.channel !== "portal" && (
                      <Badge size="xs" radius="sm" variant="light" color="gray" tt="none">
                        {t(`queue.channel.${item.channel}`)}
                      </Badge>
                    )}
                    {item.tags.map((tag) => (
                      <Badge key={tag} size="xs" radius="sm" variant="outline" color="gray" tt="none">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" lineClamp={1}>
                    {item.company.name}
                  </Text>
                  <Text fz="xs" c="dimmed" lineClamp={1}>
                    {item.requester.name}
                  </Text>
                </Table.Td>
                <Table.Td style={NO_WRAP}>
                  <Tooltip label={item.screenName} withArrow>
                    <Text fz="sm" ff="monospace">
                      {item.screenCode}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td style={NO_WRAP}>
                  <StatusBadge status={item.status} size="sm" />
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={item.priority} />
                </Table.Td>
                <Table.Td>
                  {item.assignee ? (
                    <Text fz="sm" lineClamp={1}>
                      {item.assignee.name}
                    </Text>
                  ) : (
                    <Text fz="sm" c="dimmed" style={NO_WRAP}>
                      {t("queue.noAssignee")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={NO_WRAP} data-due={due.tone}>
                  {due.message ? (
                    <Tooltip label={item.dueAt ? formatDateTime(item.dueAt) : ""} withArrow>
                      <Text fz="sm" c={DUE_COLORS[due.tone]} fw={due.tone === "breached" ? 700 : 500}>
                        {t(due.message.key, due.message.params)}
                      </Text>
                    </Tooltip>
                  ) : (
                    <Text fz="sm" c="dimmed" title={t("queue.noDue")}>
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={NO_WRAP} visibleFrom="xl">
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(item.updatedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    component={Link}
                    to={ticketPath(item.number)}
                    variant={isSelected ? "filled" : "light"}
                    size="md"
                    aria-label={t("tickets.open", { number: item.number })}
                  >
                    <IconSearch size={15} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
