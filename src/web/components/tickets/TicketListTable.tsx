// The rows of a ticket list: number, subject, screen, status, requester, last update and the "lupa" to open it.
import { ActionIcon, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { Link } from "react-router";
import type { TicketSummary } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { PriorityBadge } from "./PriorityBadge";
import { StatusBadge } from "./StatusBadge";

const NO_WRAP = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

export interface TicketListTableProps {
  tickets: readonly TicketSummary[];
  /** Where the magnifier leads: the portal's or the console's ticket page. */
  ticketPath: (number: number) => string;
  /** Staff see every company's tickets, and their priority. */
  staffColumns?: boolean;
}

export function TicketListTable({ tickets, ticketPath, staffColumns = false }: TicketListTableProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table.ScrollContainer minWidth={staffColumns ? 980 : 820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("ticket.field.number")}</Table.Th>
            <Table.Th miw={220}>{t("ticket.field.subject")}</Table.Th>
            {staffColumns && <Table.Th miw={140}>{t("ticket.field.company")}</Table.Th>}
            <Table.Th>{t("ticket.field.screenShort")}</Table.Th>
            <Table.Th>{t("ticket.field.status")}</Table.Th>
            {staffColumns && <Table.Th>{t("ticket.field.priority")}</Table.Th>}
            <Table.Th>{t("ticket.field.requester")}</Table.Th>
            <Table.Th>{t("ticket.field.updatedAt")}</Table.Th>
            <Table.Th w={52}>
              <VisuallyHidden>{t("tickets.openColumn")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => (
            <Table.Tr key={ticket.number}>
              <Table.Td fw={600} style={NO_WRAP}>
                {ticket.number}
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500} lineClamp={2}>
                  {ticket.subject}
                </Text>
                <Text fz="xs" c="dimmed">
                  {ticket.categoryName}
                </Text>
              </Table.Td>
              {staffColumns && (
                <Table.Td>
                  <Text fz="sm" c="dark.4" lineClamp={2}>
                    {ticket.companyName}
                  </Text>
                </Table.Td>
              )}
              <Table.Td style={NO_WRAP}>
                <Tooltip label={ticket.screenName} withArrow>
                  <Text fz="sm" ff="monospace">
                    {ticket.screenCode}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td style={NO_WRAP}>
                <StatusBadge status={ticket.status} size="sm" />
              </Table.Td>
              {staffColumns && (
                <Table.Td>
                  <PriorityBadge priority={ticket.priority} />
                </Table.Td>
              )}
              <Table.Td>
                <Text fz="sm" lineClamp={2}>
                  {ticket.requester.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" style={NO_WRAP}>
                  {formatDateTime(ticket.updatedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  component={Link}
                  to={ticketPath(ticket.number)}
                  variant="light"
                  aria-label={t("tickets.open", { number: ticket.number })}
                >
                  <IconSearch size={16} aria-hidden />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
