// Below "Atendimento" on a console ticket: log a call, merge into another ticket, related tickets.
// A merged ticket is final, so only its related tickets remain.
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
      {ticket.mergedIntoNumber === null && (
        <Stack gap="xs">
          <CallPanel ticket={ticket} />
          <MergePanel ticket={ticket} />
        </Stack>
      )}
      <LinksPanel ticket={ticket} ticketPath={ticketPath} />
    </>
  );
}
