// A ticket in the console (/console/tickets/:number): the customer's view plus internal notes, status and priority.
import { TicketLayout } from "../../components/tickets/TicketLayout";
import { TicketLoader } from "../../components/tickets/TicketLoader";
import { BillingPanels } from "../billing/BillingPanels";
import { CallsAndRelations } from "./CallsAndRelations";
import { ConsoleReplyBox } from "./ConsoleReplyBox";
import { ConsoleTicketAside } from "./ConsoleTicketAside";

const consoleTicketPath = (number: number) => `/console/tickets/${number}`;

export function ConsoleTicketPage() {
  return (
    <TicketLoader>
      {(ticket) => (
        <TicketLayout
          key={ticket.number}
          ticket={ticket}
          listPath="/console"
          audience="staff"
          ticketPath={consoleTicketPath}
          showCompany
          // Each panel offers what the ticket's abilities allow (a merged ticket: nothing to change).
          aside={
            <>
              <ConsoleTicketAside ticket={ticket} />
              <CallsAndRelations ticket={ticket} ticketPath={consoleTicketPath} />
            </>
          }
          panels={<BillingPanels ticket={ticket} />}
          // Staff may answer a ticket in any status; the server says so through the abilities.
          reply={ticket.abilities.reply ? <ConsoleReplyBox ticket={ticket} /> : null}
        />
      )}
    </TicketLoader>
  );
}
