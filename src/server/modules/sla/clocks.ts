// The SLA clocks of one ticket, kept in step inside the ticket command that changes it: started at
// opening, met by public staff replies and resolution, paused while waiting for the customer,
// resumed where they stopped on reopening, re-targeted on a priority change.

import type { Target } from "../../../contracts/sla";
import type { Priority, TicketStatus } from "../../../contracts/tickets";
import { dueAt, type Pause } from "../../../domain/sla/clock";
import { newId } from "../../crypto";
import type { Executor } from "../../db/schema";
import { businessTimeOf, type SlaPolicy } from "./policy";
import { queueKeysOf } from "./queue-keys";
import {
  clocksOfTicket,
  insertClock,
  type Metric,
  type SlaClockRow,
  setTicketQueueKeys,
  updateClock,
} from "./repository";

const TARGET_OF: Record<Metric, keyof Omit<Target, "businessHours">> = {
  first_response: "firstResponseMinutes",
  next_response: "nextResponseMinutes",
  resolution: "resolutionMinutes",
};

export type ClockChange =
  | { kind: "staff_reply" }
  | { kind: "customer_message" }
  | { kind: "status"; from: TicketStatus; to: TicketStatus; resolvedAt: number | null }
  | { kind: "priority"; to: Priority }
  | { kind: "classification"; to: "support" | "consultancy" };

const pausesOf = (clock: SlaClockRow): Pause[] => clock.pauses;

/** The due and warning instants for the clock as it stands (null while an open pause holds it). */
function scheduled(policy: SlaPolicy, priority: Priority, clock: SlaClockRow) {
  const businessTime = businessTimeOf(policy, priority);
  const pauses = pausesOf(clock);
  return {
    due_at: dueAt(businessTime, clock.started_at, clock.target_minutes, pauses),
    warn_at: dueAt(businessTime, clock.started_at, clock.target_minutes * policy.warningShare, pauses),
  };
}

/** A new clock row, scheduled; `fields` (pauses, met or stopped) shape it before it is scheduled. */
export function newClock(
  ticketId: string,
  metric: Metric,
  cycle: number,
  at: number,
  policy: SlaPolicy,
  priority: Priority,
  fields: Partial<SlaClockRow> = {},
): SlaClockRow {
  const clock: SlaClockRow = {
    id: newId(),
    ticket_id: ticketId,
    metric,
    cycle,
    started_at: at,
    target_minutes: policy.targets[priority][TARGET_OF[metric]],
    pauses: [],
    due_at: null,
    warn_at: null,
    met_at: null,
    stopped_at: null,
    warned_at: null,
    breached_at: null,
    ...fields,
  };
  return { ...clock, ...scheduled(policy, priority, clock) };
}

export async function startTicketClocks(
  trx: Executor,
  ticket: { id: string; priority: Priority; created_at: number },
  policy: SlaPolicy,
): Promise<void> {
  const clocks = (["first_response", "resolution"] as const).map((metric) =>
    newClock(ticket.id, metric, 1, ticket.created_at, policy, ticket.priority),
  );
  for (const clock of clocks) await insertClock(trx, clock);
  await setTicketQueueKeys(trx, ticket.id, queueKeysOf(clocks));
}

/** What a change does to one running clock; undefined when it leaves the clock alone. */
function changed(
  clock: SlaClockRow,
  change: ClockChange,
  at: number,
  policy: SlaPolicy,
): Partial<SlaClockRow> | undefined {
  const running = clock.met_at === null && clock.stopped_at === null;
  const pauses = pausesOf(clock);
  switch (change.kind) {
    case "staff_reply":
      return running && clock.metric !== "resolution" ? { met_at: at } : undefined;
    case "priority":
      return running
        ? { target_minutes: policy.targets[change.to][TARGET_OF[clock.metric as Metric]] }
        : undefined;
    case "status": {
      if (change.from === "resolved" && clock.metric === "resolution" && clock.met_at !== null) {
        // Reopened: the resolution clock resumes where it stopped, the resolved span a pause.
        return {
          met_at: null,
          pauses: [...pauses, { from: change.resolvedAt ?? clock.met_at, to: at }],
        };
      }
      if (
        change.from === "resolved" &&
        clock.metric === "first_response" &&
        clock.met_at === null &&
        clock.stopped_at !== null &&
        clock.stopped_at === change.resolvedAt
      ) {
        // Reopened before anyone answered: the first response is owed again, the resolved span a pause.
        return { stopped_at: null, pauses: [...pauses, { from: clock.stopped_at, to: at }] };
      }
      if (change.from === "cancelled" && clock.stopped_at !== null) {
        return { stopped_at: null, pauses: [...pauses, { from: clock.stopped_at, to: at }] };
      }
      if (!running) return undefined;
      if (change.to === "cancelled") return { stopped_at: at };
      if (change.to === "resolved") {
        // Resolution is met; a reply still owed is no longer due (the ticket is done), so it stops
        // instead of warning and breaching on a finished ticket.
        return clock.metric === "resolution" ? { met_at: at } : { stopped_at: at };
      }
      if (change.to === "waiting_customer") return { pauses: [...pauses, { from: at, to: null }] };
      if (change.from === "waiting_customer") {
        return { pauses: pauses.map((p) => (p.to === null ? { ...p, to: at } : p)) };
      }
      return undefined;
    }
    case "classification":
      if (change.to === "consultancy") return running ? { stopped_at: at } : undefined;
      // Back to support: what consultancy stopped resumes, the consultancy span a pause.
      return clock.stopped_at !== null && clock.met_at === null
        ? { stopped_at: null, pauses: [...pauses, { from: clock.stopped_at, to: at }] }
        : undefined;
    case "customer_message":
      return undefined;
  }
}

/** Applies a ticket change to its clocks, at `at`, under the ticket's own policy. */
export async function advanceTicketClocks(
  trx: Executor,
  ticket: { id: string; priority: Priority; policy: SlaPolicy | null },
  change: ClockChange,
  at: number,
): Promise<void> {
  const { policy } = ticket;
  if (!policy) return;
  const priority = change.kind === "priority" ? change.to : ticket.priority;
  const clocks = await clocksOfTicket(trx, ticket.id);
  // The clocks as this change leaves them: what the ticket's queue keys are derived from.
  const after: SlaClockRow[] = [];
  for (const clock of clocks) {
    const changes = changed(clock, change, at, policy);
    if (!changes) {
      after.push(clock);
      continue;
    }
    const update = { ...changes, ...scheduled(policy, priority, { ...clock, ...changes }) };
    await updateClock(trx, clock.id, update);
    after.push({ ...clock, ...update });
  }
  if (change.kind === "customer_message") {
    const started = await startNextResponse(trx, ticket.id, clocks, policy, priority, at);
    if (started) after.push(started);
  }
  await setTicketQueueKeys(trx, ticket.id, queueKeysOf(after));
}

/** A customer message starts a next-response cycle, once the first response was given; returns it. */
async function startNextResponse(
  trx: Executor,
  ticketId: string,
  clocks: SlaClockRow[],
  policy: SlaPolicy,
  priority: Priority,
  at: number,
): Promise<SlaClockRow | undefined> {
  const firstAnswered = clocks.some((c) => c.metric === "first_response" && c.met_at !== null);
  const cycles = clocks.filter((c) => c.metric === "next_response");
  const waiting = cycles.some((c) => c.met_at === null && c.stopped_at === null);
  if (!firstAnswered || waiting) return undefined;
  const clock = newClock(ticketId, "next_response", cycles.length + 1, at, policy, priority);
  await insertClock(trx, clock);
  return clock;
}
