// A ticket's page, shared by portal and console: header, description and history left, deadlines and details right;
// each side adds its own reply area and side panel.
import { Grid, Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { Ticket } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { usePageTitle } from "../use-page-title";
import { HistoryTimeline } from "./HistoryTimeline";
import { MergedBanner } from "./MergedBanner";
import { type Audience, TicketDeadlines } from "./TicketDeadlines";
import { TicketDescription } from "./TicketDescription";
import { TicketDetails } from "./TicketDetails";
import { TicketHeader } from "./TicketHeader";

interface TicketLayoutProps {
  ticket: Ticket;
  listPath: string;
  ticketPath: (number: number) => string;
  showCompany?: boolean;
  /** Whose words the deadlines speak: a paused one waits for "você" or for "cliente". */
  audience: Audience;
  /** Below the history: the reply box, or why there is none. */
  reply: ReactNode;
  /** Above the details: staff's status and priority controls. */
  aside?: ReactNode;
  /** Under the header, across the page: what the reader must not miss (a consultancy estimate to decide). */
  banner?: ReactNode;
  /** Below the reply area: staff's working panels (time, estimates). */
  panels?: ReactNode;
}

export function TicketLayout({
  ticket,
  listPath,
  ticketPath,
  showCompany,
  audience,
  reply,
  aside,
  banner,
  panels,
}: TicketLayoutProps) {
  const { t } = useI18n();
  usePageTitle(t("ticket.title", { number: ticket.number }));
  return (
    <Stack gap="lg" maw={1200}>
      <TicketHeader ticket={ticket} listPath={listPath} />
      {ticket.mergedIntoNumber !== null && (
        <MergedBanner number={ticket.mergedIntoNumber} ticketPath={ticketPath} />
      )}
      {banner}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <TicketDescription ticket={ticket} />
            <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="ticket-history">
              <Stack gap="md">
                <Title order={2} fz="h4" id="ticket-history">
                  {t("ticket.history")}
                </Title>
                <HistoryTimeline events={ticket.events} ticketPath={ticketPath} />
              </Stack>
            </Paper>
            {reply}
            {panels}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg" pos={{ md: "sticky" }} top={80}>
            {aside}
            <TicketDeadlines ticket={ticket} audience={audience} />
            <TicketDetails ticket={ticket} ticketPath={ticketPath} showCompany={showCompany} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
