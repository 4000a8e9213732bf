// Loads the ticket named in the address (/…/tickets/:number) and hands it to the page, or says why it cannot.
import { Center, Loader, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { type Ticket, TicketNumberParams } from "../../../contracts/tickets";
import { useTicket } from "../../api/tickets";
import { NotFoundPage } from "../../shell/NotFoundPage";
import { ErrorAlert } from "../ErrorAlert";

export function TicketLoader({ children }: { children: (ticket: Ticket) => ReactNode }) {
  const parsed = TicketNumberParams.safeParse(useParams());
  if (!parsed.success) return <NotFoundPage />;
  return <LoadTicket number={parsed.data.number}>{children}</LoadTicket>;
}

function LoadTicket({ number, children }: { number: number; children: (ticket: Ticket) => ReactNode }) {
  const ticket = useTicket(number);
  if (ticket.data) return children(ticket.data);
  if (ticket.isError)
    return (
      <Stack maw={640}>
        <ErrorAlert error={ticket.error} />
      </Stack>
    );
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}
