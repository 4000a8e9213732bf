// A customer's ticket (/portal/tickets/:number): details, history and the "Resposta" box.
import { TicketLayout } from "../../components/tickets/TicketLayout";
import { TicketLoader } from "../../components/tickets/TicketLoader";
import { ConsultancyBanner } from "../billing/ConsultancyBanner";
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
          reply={<ReplyArea ticket={ticket} />}
          banner={<ConsultancyBanner ticket={ticket} />}
        />
      )}
    </TicketLoader>
  );
}
