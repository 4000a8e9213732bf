// A ticket row as the ticket policies see it.
import type { TicketKind, TicketStatus } from "../../../contracts/tickets";
import type { TicketResource } from "../../../domain/tickets/policies";
import type { TicketRow } from "./repository";

export function ticketResource(
  row: Pick<TicketRow, "company_id" | "status" | "kind" | "resolved_at" | "merged_into_id">,
): TicketResource {
  return {
    companyId: row.company_id,
    status: row.status as TicketStatus,
    kind: row.kind as TicketKind,
    resolvedAt: row.resolved_at,
    merged: row.merged_into_id !== null,
  };
}
