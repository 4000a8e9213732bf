// A ticket's SLA clocks inside a ticket command: started at opening and moved by the command's
// changes once, under the ticket's own policy. The rules are the domain's
// (src/domain/sla/ticket-clocks.ts); this file reads the clocks, applies them and writes back.
import type { Priority, TicketKind, TicketStatus } from "../../../contracts/tickets";
import { clockRulesOf, type SlaPolicy } from "../../../domain/sla/policy";
import {
  applyClockChanges,
  type Clock,
  type ClockChange,
  startClocks,
} from "../../../domain/sla/ticket-clocks";
import { newId } from "../../crypto";
import type { Executor } from "../../db/schema";
import { compiledCalendar } from "./compiled-calendars";
import { type QueueKeys, queueKeysFrom } from "./queue-keys";
import { clocksOfTicket, insertClocks, updateClock } from "./repository";

export function clockRules(policy: SlaPolicy) {
  return clockRulesOf(policy, compiledCalendar);
}

/** The clocks a new ticket starts with, to insert once its row exists. */
export function openingClocks(policy: SlaPolicy, priority: Priority, at: number): Clock[] {
  return startClocks({ rules: clockRules(policy), priority, kind: "support", status: "open", at, newId });
}

/** The ticket before the command, as its clocks need it. */
export interface ClockedTicket {
  id: string;
  priority: Priority;
  kind: TicketKind;
  status: TicketStatus;
}

/** Applies a command's clock changes in one pass and writes what changed; returns the new queue keys. */
export async function moveTicketClocks(
  trx: Executor,
  ticket: ClockedTicket,
  policy: SlaPolicy,
  changes: readonly ClockChange[],
  at: number,
): Promise<QueueKeys> {
  const outcome = applyClockChanges(await clocksOfTicket(trx, ticket.id), changes, {
    rules: clockRules(policy),
    priority: ticket.priority,
    kind: ticket.kind,
    status: ticket.status,
    at,
    newId,
  });
  const created = outcome.clocks.filter((clock) => outcome.created.has(clock.id));
  for (const clock of outcome.clocks) {
    if (outcome.changed.has(clock.id) && !outcome.created.has(clock.id)) await updateClock(trx, clock);
  }
  await insertClocks(trx, ticket.id, created);
  return queueKeysFrom(outcome.clocks);
}
