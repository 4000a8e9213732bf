// "Detalhes": category, screen, priority, requester, dates, every file and the related ticket, as label and value.
import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Ticket } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { AttachmentLinks } from "../attachments/AttachmentLinks";
import { PriorityBadge } from "./PriorityBadge";

interface TicketDetailsProps {
  ticket: Ticket;
  ticketPath: (number: number) => string;
  /** Staff see which company the ticket belongs to. */
  showCompany?: boolean;
}

export function TicketDetails({ ticket, ticketPath, showCompany = false }: TicketDetailsProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t("ticket.details")}
        </Title>
        <Stack gap="sm" component="dl" m={0}>
          <Detail label={t("ticket.field.category")}>{ticket.categoryName}</Detail>
          <Detail label={t("ticket.field.kind")}>{t(`ticket.kind.${ticket.kind}`)}</Detail>
          <Detail label={t("ticket.field.screen")}>
            <Text span ff="monospace" fz="sm" fw={600}>
              {ticket.screenCode}
            </Text>{" "}
            – {ticket.screenName}
          </Detail>
          <Detail label={t("ticket.field.priority")}>
            <Stack gap={2} align="flex-start">
              <PriorityBadge priority={ticket.priority} />
              <Text fz="xs" c="dimmed">
                {t(`ticket.priorityMeaning.${ticket.priority}`)}
              </Text>
            </Stack>
          </Detail>
          {showCompany && <Detail label={t("ticket.field.company")}>{ticket.companyName}</Detail>}
          <Detail label={t("ticket.field.requester")}>{ticket.requester.name}</Detail>
          {ticket.channel !== "portal" && (
            <Detail label={t("ticket.field.channel")}>{t(`ticket.channel.${ticket.channel}`)}</Detail>
          )}
          {ticket.assignee && <Detail label={t("ticket.field.assignee")}>{ticket.assignee.name}</Detail>}
          <Detail label={t("ticket.field.createdAt")}>{formatDateTime(ticket.createdAt)}</Detail>
          <Detail label={t("ticket.field.updatedAt")}>{formatDateTime(ticket.updatedAt)}</Detail>
          {ticket.attachments.length > 0 && (
            <Detail label={t("ticket.field.attachments")}>
              <AttachmentLinks attachments={ticket.attachments} />
            </Detail>
          )}
          {ticket.relatedTicketNumber !== null && (
            <Detail label={t("ticket.field.related")}>
              <Anchor component={Link} to={ticketPath(ticket.relatedTicketNumber)} fz="sm">
                {t("ticket.title", { number: ticket.relatedTicketNumber })}
              </Anchor>
            </Detail>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}
