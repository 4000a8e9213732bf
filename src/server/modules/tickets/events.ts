// A ticket history row with every optional field empty: commands and the data generator fill in theirs.
import { newId } from "../../crypto";
import type { TicketEventTable } from "../../db/schema";

export function newTicketEvent(
  ticketId: string,
  actorId: string | null,
  at: number,
  fields: Partial<TicketEventTable> & Pick<TicketEventTable, "type">,
): TicketEventTable {
  return {
    id: newId(),
    ticket_id: ticketId,
    actor_id: actorId,
    internal: 0,
    body: null,
    body_html: null,
    from_status: null,
    to_status: null,
    from_priority: null,
    to_priority: null,
    metric: null,
    to_kind: null,
    field: null,
    from_value: null,
    to_value: null,
    related_ticket_id: null,
    ticket_version: null,
    duration_minutes: null,
    created_at: at,
    ...fields,
  };
}
