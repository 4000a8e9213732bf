// "Prazos (SLA)": the ticket's plan and each deadline's due time and state, each with how it was calculated.
import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Ticket, TicketSla } from "../../../contracts/tickets";
import { type I18n, useI18n } from "../../i18n/i18n";
import { DeadlineExplanationToggle } from "./DeadlineExplanationToggle";
import { SlaStateBadge } from "./SlaStateBadge";

type Deadline = TicketSla["deadlines"][number];

/** Who reads the page: a paused deadline waits for "você" (the customer) or for "cliente" (staff's words). */
export type Audience = "customer" | "staff";

interface TicketDeadlinesProps {
  ticket: Ticket;
  audience: Audience;
}

export function TicketDeadlines({ ticket, audience }: TicketDeadlinesProps) {
  const { t } = useI18n();
  if (!ticket.sla) return null;
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="ticket-deadlines">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="ticket-deadlines">
          {t("ticket.sla.title")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("ticket.sla.plan", { plan: ticket.sla.planName })}
        </Text>
        <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {ticket.sla.deadlines.map((deadline) => (
            <DeadlineItem
              key={deadline.metric}
              ticketNumber={ticket.number}
              deadline={deadline}
              audience={audience}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

interface DeadlineItemProps {
  ticketNumber: number;
  deadline: Deadline;
  audience: Audience;
}

function DeadlineItem({ ticketNumber, deadline, audience }: DeadlineItemProps) {
  const i18n = useI18n();
  return (
    <Stack gap={4} component="li">
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text fz="sm">{deadlineText(i18n, deadline, audience)}</Text>
        <SlaStateBadge state={deadline.state} />
      </Group>
      <DeadlineExplanationToggle ticketNumber={ticketNumber} metric={deadline.metric} />
    </Stack>
  );
}

/** "Primeira resposta até 22/04/2026 14:00", "…: cumprido em …" or "…: pausado — aguardando você". */
function deadlineText({ t, formatDateTime }: I18n, deadline: Deadline, audience: Audience): string {
  const name = t(`ticket.sla.metric.${deadline.metric}`);
  if (deadline.metAt) return t("ticket.sla.metAt", { deadline: name, date: formatDateTime(deadline.metAt) });
  // The clock stands still while paused: there is no due time to show.
  if (deadline.state === "paused" || !deadline.dueAt) {
    const key = audience === "customer" ? "ticket.sla.pausedForCustomer" : "ticket.sla.pausedForStaff";
    return t(key, { deadline: name });
  }
  return t("ticket.sla.dueAt", { deadline: name, date: formatDateTime(deadline.dueAt) });
}
