// "Histórico": every event of the ticket in order, with an icon per kind of event.
import { Text, ThemeIcon, Timeline } from "@mantine/core";
import {
  IconAlarm,
  IconArrowsExchange,
  IconFilePlus,
  IconFlag,
  IconGitMerge,
  IconHeadset,
  IconLink,
  IconLock,
  IconPaperclip,
  IconPhone,
  IconReceipt,
  IconRefresh,
  IconTag,
  IconTags,
  IconUser,
  IconUserCheck,
} from "@tabler/icons-react";
import type { TicketEvent } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { HistoryEvent } from "./HistoryEvent";

interface HistoryTimelineProps {
  events: readonly TicketEvent[];
  /** Where another ticket's page is, for the events that name one (merges, links). */
  ticketPath?: (number: number) => string;
}

export function HistoryTimeline({ events, ticketPath }: HistoryTimelineProps) {
  const { t } = useI18n();
  if (events.length === 0) return <Text c="dimmed">{t("tickets.empty")}</Text>;
  return (
    <Timeline bulletSize={28} lineWidth={2}>
      {events.map((event) => (
        <Timeline.Item key={event.id} bullet={<EventIcon event={event} />}>
          <HistoryEvent event={event} ticketPath={ticketPath} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function EventIcon({ event }: { event: TicketEvent }) {
  const { color, icon: Icon } = iconOf(event);
  return (
    <ThemeIcon size={28} radius="xl" color={color} variant="light" aria-hidden>
      <Icon size={15} stroke={1.8} />
    </ThemeIcon>
  );
}

function iconOf(event: TicketEvent) {
  switch (event.type) {
    case "opened":
      return { color: "blue", icon: IconFilePlus };
    case "message":
      if (event.internal) return { color: "yellow", icon: IconLock };
      return event.actor?.staff ? { color: "uno", icon: IconHeadset } : { color: "gray", icon: IconUser };
    case "status_changed":
      return { color: "grape", icon: IconArrowsExchange };
    case "priority_changed":
      return { color: "orange", icon: IconFlag };
    case "attachment_added":
      return { color: "gray", icon: IconPaperclip };
    case "reopened":
      return { color: "orange", icon: IconRefresh };
    case "sla_warning":
      return { color: "yellow", icon: IconAlarm };
    case "sla_breach":
      return { color: "red", icon: IconAlarm };
    case "kind_changed":
      return { color: "indigo", icon: IconTag };
    case "assigned":
      return { color: "teal", icon: IconUserCheck };
    case "category_changed":
    case "screen_changed":
      return { color: "grape", icon: IconArrowsExchange };
    case "tags_changed":
      return { color: "indigo", icon: IconTags };
    case "call_logged":
      return { color: "cyan", icon: IconPhone };
    case "merged":
    case "merged_from":
      return { color: "gray", icon: IconGitMerge };
    case "linked":
      return { color: "gray", icon: IconLink };
    case "estimate_sent":
    case "estimate_approved":
    case "estimate_declined":
    case "estimate_withdrawn":
      return { color: "indigo", icon: IconReceipt };
  }
}
