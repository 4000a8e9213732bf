import type { TicketResource } from "../../../domain/tickets/policies";
import type { TicketRow } from "./repository";

export function ticketResource(
  row: Pick<TicketRow, "company_id" | "status" | "kind" | "resolved_at" | "merged_into_id">,
): TicketResource {
  return {
    companyId: row.company_id,
    status: row.status,
    kind: row.kind,
    resolvedAt: row.resolved_at,
    merged: row.merged_into_id !== null,
  };
}
