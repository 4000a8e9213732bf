// A customer's ticket (/portal/tickets/:number): details, history and the "Resposta" box.

import { RelatedTickets } from "../../components/tickets/RelatedTickets";
import { TicketLayout } from "../../components/tickets/TicketLayout";
import { TicketLoader } from "../../components/tickets/TicketLoader";
import { ConsultancyBanner } from "../billing/ConsultancyBanner";
import { FollowTicket } from "./FollowTicket";
import { ReplyArea } from "./ReplyArea";

const portalTicketPath = (number: number) => `/portal/tickets/${number}`;

export function TicketPage() {
  return (
    <TicketLoader>
      {(ticket) => (
        <TicketLayout
          key={ticket.number}
          ticket={ticket}
          listPath="/portal/tickets"
          audience="customer"
          ticketPath={portalTicketPath}
          // A merged ticket continues elsewhere: its banner says where, instead of a reply box.
          reply={ticket.mergedIntoNumber === null ? <ReplyArea ticket={ticket} /> : null}
          aside={
            <>
              <FollowTicket number={ticket.number} />
              {ticket.links.length > 0 && (
                <RelatedTickets links={ticket.links} ticketPath={portalTicketPath} />
              )}
            </>
          }
          banner={<ConsultancyBanner ticket={ticket} />}
        />
      )}
    </TicketLoader>
  );
}
