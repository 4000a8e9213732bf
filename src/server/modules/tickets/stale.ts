// A stale update's 409: the ticket's version now, and every change made after the version the agent
// saw (each command stamps its events with the version it produced), so the console can say
// "Carlos alterou o status para em andamento enquanto você editava".
import type { Executor } from "../../db/schema";
import { type AppError, errors } from "../../errors";
import { presentTicketChange } from "./presenter";
import type { TicketRow } from "./repository";
import { eventsAfterVersion } from "./work-repository";

export async function staleTicketError(
  trx: Executor,
  ticket: TicketRow,
  seenVersion: number,
): Promise<AppError> {
  const rows = await eventsAfterVersion(trx, ticket.id, seenVersion);
  return errors.staleTicket({ version: ticket.version, changes: rows.map(presentTicketChange) });
}
