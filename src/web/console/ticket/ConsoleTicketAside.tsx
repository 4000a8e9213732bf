// The console ticket page's side panels: who else is on the ticket, status and priority, and the
// classification (assignee, category, screen, tags).
import type { Ticket } from "../../../contracts/tickets";
import { StaffControls } from "./StaffControls";
import { TicketPresence } from "./TicketPresence";
import { TicketWorkPanel } from "./TicketWorkPanel";

export function ConsoleTicketAside({ ticket }: { ticket: Ticket }) {
  return (
    <>
      <TicketPresence number={ticket.number} />
      <StaffControls ticket={ticket} />
      <TicketWorkPanel ticket={ticket} />
    </>
  );
}
