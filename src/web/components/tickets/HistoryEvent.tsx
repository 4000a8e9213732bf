// One event of the history: who, when and what; replies from the support team, the customer's and internal
// notes each look different.
import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { Link } from "react-router";
import type { TicketEvent } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { AttachmentLinks } from "../attachments/AttachmentLinks";
import { EventDetails } from "../billing/EventDetails";
import { eventText } from "./event-text";
import { SanitizedHtml } from "./SanitizedHtml";
import "./mentions.css";

interface HistoryEventProps {
  event: TicketEvent;
  /** Where another ticket's page is: merges and links then lead there. */
  ticketPath?: ((number: number) => string) | undefined;
}

export function HistoryEvent({ event, ticketPath }: HistoryEventProps) {
  const { t, locale, formatDateTime } = useI18n();
  const staff = event.actor?.staff ?? false;
  const note = event.type === "message" && event.internal;
  // A logged call's summary ("Resumo da ligação") reads like a reply, or like a note when internal.
  const internalCall = event.type === "call_logged" && event.internal;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <Text fz="sm" fw={600}>
          {event.actor?.name ?? t("ticket.actor.system")}
        </Text>
        {staff && (
          <Badge size="xs" variant="light" color="uno" radius="sm">
            {t("ticket.actor.staff")}
          </Badge>
        )}
        {(note || internalCall) && (
          <Badge size="xs" variant="filled" color="yellow.7" radius="sm" leftSection={<IconLock size={10} />}>
            {t("reply.internal")}
          </Badge>
        )}
        <Text
          fz="xs"
          c="dimmed"
          component="time"
          dateTime={event.at}
          style={{ fontVariantNumeric: "tabular-nums" }}
        >
          {formatDateTime(event.at)}
        </Text>
      </Group>
      {event.type === "message" && event.bodyHtml !== null ? (
        <MessageBody html={event.bodyHtml} look={note ? "note" : staff ? "staff" : "customer"} />
      ) : (
        <Text fz="sm" c="dimmed">
          {eventText(event, t, locale)}
        </Text>
      )}
      {ticketPath && event.relatedTicketNumber !== null && (
        <Anchor component={Link} to={ticketPath(event.relatedTicketNumber)} fz="sm">
          {t("merge.bannerLink", { number: event.relatedTicketNumber })}
        </Anchor>
      )}
      {event.type === "call_logged" && event.bodyHtml !== null && (
        <MessageBody html={event.bodyHtml} look={internalCall ? "note" : "staff"} />
      )}
      <EventDetails event={event} />
      {/* The opening's files are shown with the description. */}
      {event.type !== "opened" && <AttachmentLinks attachments={event.attachments} />}
    </Stack>
  );
}

const LOOKS = {
  customer: { bg: "white", border: "1px solid var(--mantine-color-gray-3)" },
  staff: { bg: "var(--mantine-color-uno-0)", border: "1px solid var(--mantine-color-uno-2)" },
  note: { bg: "var(--mantine-color-yellow-0)", border: "1px dashed var(--mantine-color-yellow-6)" },
} as const;

function MessageBody({ html, look }: { html: string; look: keyof typeof LOOKS }) {
  const { bg, border } = LOOKS[look];
  return (
    <Paper p="sm" radius="md" style={{ background: bg, border }}>
      <SanitizedHtml html={html} fz="sm" />
    </Paper>
  );
}
