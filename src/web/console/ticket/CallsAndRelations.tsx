// Below "Atendimento" on a console ticket: log a call, merge into another ticket, related tickets.
// What the ticket's abilities allow: a merged ticket is final, so only its related tickets remain.
import { Stack } from "@mantine/core";
import type { Ticket } from "../../../contracts/tickets";
import { CallPanel } from "./CallPanel";
import { LinksPanel } from "./LinksPanel";
import { MergePanel } from "./MergePanel";

interface CallsAndRelationsProps {
  ticket: Ticket;
  ticketPath: (number: number) => string;
}

export function CallsAndRelations({ ticket, ticketPath }: CallsAndRelationsProps) {
  return (
    <>
      {(ticket.abilities.logCall || ticket.abilities.merge) && (
        <Stack gap="xs">
          {ticket.abilities.logCall && <CallPanel ticket={ticket} />}
          {ticket.abilities.merge && <MergePanel ticket={ticket} />}
        </Stack>
      )}
      <LinksPanel ticket={ticket} ticketPath={ticketPath} />
    </>
  );
}
