// "Prazos (SLA)": the ticket's plan and each deadline's due time and state, each with how it was calculated.
import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Ticket, TicketSla } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { DeadlineExplanationToggle } from "./DeadlineExplanationToggle";
import { type Audience, deadlineText } from "./deadline-text";
import { SlaStateBadge } from "./SlaStateBadge";

type Deadline = TicketSla["deadlines"][number];

export type { Audience };

interface TicketDeadlinesProps {
  ticket: Ticket;
  audience: Audience;
}

export function TicketDeadlines({ ticket, audience }: TicketDeadlinesProps) {
  const { t } = useI18n();
  if (ticket.kind === "consultancy") return <ConsultancyDeadlines />;
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
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap={4} component="li">
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text fz="sm">{deadlineText(t, formatDateTime, deadline, audience)}</Text>
        <SlaStateBadge state={deadline.state} />
      </Group>
      <DeadlineExplanationToggle ticketNumber={ticketNumber} metric={deadline.metric} />
    </Stack>
  );
}

/** Consultancy runs on its approved hours estimate, not on the plan's deadlines: say so and why. */
function ConsultancyDeadlines() {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="ticket-deadlines">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="ticket-deadlines">
          {t("ticket.sla.title")}
        </Title>
        <Text fz="sm" fw={500}>
          {t("ticket.sla.consultancy")}
        </Text>
        <Text fz="sm" c="dimmed">
          {t("ticket.sla.consultancyWhy")}
        </Text>
      </Stack>
    </Paper>
  );
}
