// A ticket's SLA clocks and how each ticket change moves them: started at opening, met by public
// staff replies and resolution, paused while waiting for the customer, resumed where they stopped
// on reopening, stopped by consultancy, re-targeted on a priority change. Pure: the server reads
// the clocks, applies a command's changes here once, and writes back what changed.
import type { Priority, SlaMetric, TicketKind, TicketStatus } from "../../contracts/tickets";
import type { BusinessTime } from "./business-time";
import { dueAt, type Pause } from "./clock";

export type Metric = SlaMetric;

/** One deadline of one ticket: a metric in a cycle (next response starts a cycle per customer message). */
export interface Clock {
  id: string;
  metric: Metric;
  cycle: number;
  startedAt: number;
  targetMinutes: number;
  pauses: readonly Pause[];
  /** Null while an open pause holds the clock before its target is reached. */
  dueAt: number | null;
  warnAt: number | null;
  metAt: number | null;
  stoppedAt: number | null;
  /** When the sweeper raised "vence em breve" / "violado" (once each). */
  warnedAt: number | null;
  breachedAt: number | null;
}

/** What a ticket's policy tells its clocks: the target of each metric and how time is counted. */
export interface ClockRules {
  targetMinutes(metric: Metric, priority: Priority): number;
  /** Business hours of the policy's calendar, or around the clock, as the priority's target says. */
  businessTime(priority: Priority): BusinessTime;
  /** Share of a target after which the clock warns. */
  warningShare: number;
}

export type ClockChange =
  | { kind: "staff_reply" }
  | { kind: "customer_message" }
  | { kind: "status"; from: TicketStatus; to: TicketStatus; resolvedAt: number | null }
  | { kind: "priority"; to: Priority }
  | { kind: "classification"; to: TicketKind };

/** The ticket a command changes, as its clocks need to know it. */
export interface ClockContext {
  rules: ClockRules;
  /** The ticket's priority before the changes. */
  priority: Priority;
  /** The ticket's classification before the changes: consultancy has no deadlines. */
  kind: TicketKind;
  /** The ticket's status before the changes. */
  status: TicketStatus;
  at: number;
  newId: () => string;
}

export const isRunning = (clock: Clock): boolean => clock.metAt === null && clock.stoppedAt === null;

/** The clock's due and warning instants as it stands, counted in the priority's time. */
export function schedule(clock: Clock, rules: ClockRules, priority: Priority): Clock {
  const businessTime = rules.businessTime(priority);
  return {
    ...clock,
    dueAt: dueAt(businessTime, clock.startedAt, clock.targetMinutes, clock.pauses),
    warnAt: dueAt(businessTime, clock.startedAt, clock.targetMinutes * rules.warningShare, clock.pauses),
  };
}

/** A new clock of `metric`, scheduled; `fields` (pauses, met or stopped) shape it first. */
export function newClock(
  metric: Metric,
  cycle: number,
  context: ClockContext,
  fields: Partial<Omit<Clock, "id" | "metric" | "cycle">> = {},
): Clock {
  const { rules, priority, at } = context;
  const clock: Clock = {
    id: context.newId(),
    metric,
    cycle,
    startedAt: at,
    targetMinutes: rules.targetMinutes(metric, priority),
    pauses: [],
    dueAt: null,
    warnAt: null,
    metAt: null,
    stoppedAt: null,
    warnedAt: null,
    breachedAt: null,
    ...fields,
  };
  return schedule(clock, rules, priority);
}

/** The clocks a new ticket starts with: first response and resolution. */
export function startClocks(context: ClockContext): Clock[] {
  return [newClock("first_response", 1, context), newClock("resolution", 1, context)];
}

const withPause = (clock: Clock, pause: Pause): Pick<Clock, "pauses"> => ({
  pauses: [...clock.pauses, pause],
});

/** The ticket as one change of a command finds it. */
interface Step extends ClockContext {
  /** The latest next-response cycle: an earlier one, stopped, was superseded and never resumes. */
  latestNextCycle: number;
}

const superseded = (clock: Clock, step: Step) =>
  clock.metric === "next_response" && clock.cycle < step.latestNextCycle;

const ACTIVE: ReadonlySet<TicketStatus> = new Set(["open", "in_progress", "waiting_customer"]);

/** A stopped clock runs again from `at`, the stopped span a pause (still paused if the ticket waits). */
function resumed(clock: Clock, at: number, status: TicketStatus): Partial<Clock> {
  const pauses = [...clock.pauses, { from: clock.stoppedAt ?? at, to: at }];
  if (status === "waiting_customer") pauses.push({ from: at, to: null });
  return { stoppedAt: null, pauses };
}

/** What a status change does to one clock; undefined when it leaves the clock alone. */
function afterStatus(
  clock: Clock,
  change: Extract<ClockChange, { kind: "status" }>,
  context: Step,
): Partial<Clock> | undefined {
  const { at } = context;
  // Taken back into work (a resolved ticket cancelled by a merge is not reopened).
  const reopening = (change.from === "resolved" || change.from === "cancelled") && ACTIVE.has(change.to);
  const reopenedResolution =
    reopening && change.from === "resolved" && clock.metric === "resolution" && clock.metAt !== null;
  if (context.kind === "consultancy") {
    // Nothing runs under consultancy. A reopened resolution is owed again, not met: it stays
    // stopped since the ticket was resolved until a reclassification to support resumes it.
    return reopenedResolution ? { metAt: null, stoppedAt: change.resolvedAt ?? clock.metAt } : undefined;
  }
  if (reopenedResolution) {
    // Reopened: the resolution clock resumes where it stopped, the resolved span a pause.
    return { metAt: null, ...withPause(clock, { from: change.resolvedAt ?? clock.metAt ?? at, to: at }) };
  }
  const owedAgain =
    reopening &&
    clock.stoppedAt !== null &&
    clock.metAt === null &&
    !superseded(clock, context) &&
    // Reopening owes the first response (if nobody answered) and the resolution again; a reply
    // owed on a resolved ticket is not (a customer's new message starts a new cycle).
    ((change.from === "resolved" && clock.metric !== "next_response") || change.from === "cancelled");
  if (owedAgain) return resumed(clock, at, change.to);
  if (!isRunning(clock)) return undefined;
  if (change.to === "cancelled") return { stoppedAt: at };
  if (change.to === "resolved") {
    // Resolution is met; a reply still owed is no longer due (the ticket is done), so it stops
    // instead of warning and breaching on a finished ticket.
    return clock.metric === "resolution" ? { metAt: at } : { stoppedAt: at };
  }
  if (change.to === "waiting_customer") return withPause(clock, { from: at, to: null });
  if (change.from === "waiting_customer") {
    return { pauses: clock.pauses.map((pause) => (pause.to === null ? { ...pause, to: at } : pause)) };
  }
  return undefined;
}

/** What a change does to one clock; undefined when it leaves the clock alone. */
function changed(clock: Clock, change: ClockChange, context: Step): Partial<Clock> | undefined {
  const running = isRunning(clock);
  switch (change.kind) {
    case "staff_reply":
      return running && clock.metric !== "resolution" ? { metAt: context.at } : undefined;
    case "priority":
      return running ? { targetMinutes: context.rules.targetMinutes(clock.metric, change.to) } : undefined;
    case "status":
      return afterStatus(clock, change, context);
    case "classification":
      if (change.to === "consultancy") return running ? { stoppedAt: context.at } : undefined;
      // Back to support: on a ticket still in work, what consultancy stopped resumes, the
      // consultancy span a pause; a finished ticket's clocks wait for it to be reopened.
      return clock.stoppedAt !== null &&
        clock.metAt === null &&
        !superseded(clock, context) &&
        ACTIVE.has(context.status)
        ? resumed(clock, context.at, context.status)
        : undefined;
    case "customer_message":
      return undefined;
  }
}

/**
 * A clock that stops or is met while paused keeps no open pause: it would hold the clock still
 * after a later reopening or reclassification resumed it.
 */
function closeOpenPause(clock: Clock, at: number): Clock {
  if (isRunning(clock) || !clock.pauses.some((pause) => pause.to === null)) return clock;
  return {
    ...clock,
    pauses: clock.pauses.map((pause) => (pause.to === null ? { ...pause, to: at } : pause)),
  };
}

/** A customer message starts a next-response cycle, once the first response was given. */
function nextResponseCycle(clocks: readonly Clock[], context: ClockContext): Clock | undefined {
  const firstAnswered = clocks.some((c) => c.metric === "first_response" && c.metAt !== null);
  const cycles = clocks.filter((c) => c.metric === "next_response");
  const waiting = cycles.some(isRunning);
  if (!firstAnswered || waiting) return undefined;
  return newClock("next_response", cycles.length + 1, context);
}

export interface ClockOutcome {
  /** Every clock of the ticket as the changes leave it, new ones last. */
  clocks: Clock[];
  /** Ids of the clocks that changed or were created: what the repository writes. */
  changed: ReadonlySet<string>;
  /** Ids of the clocks created by the changes. */
  created: ReadonlySet<string>;
}

/**
 * Applies a command's clock changes in order, each as the ticket stands after the previous one
 * (a priority change re-targets the clocks still running and counts them in its own time).
 */
export function applyClockChanges(
  clocks: readonly Clock[],
  changes: readonly ClockChange[],
  context: ClockContext,
): ClockOutcome {
  let current = [...clocks];
  let { priority, kind, status } = context;
  const touched = new Set<string>();
  const created = new Set<string>();
  for (const change of changes) {
    if (change.kind === "priority") priority = change.to;
    const latestNextCycle = Math.max(
      0,
      ...current.filter((c) => c.metric === "next_response").map((c) => c.cycle),
    );
    const step: Step = { ...context, priority, kind, status, latestNextCycle };
    current = current.map((clock) => {
      const fields = changed(clock, change, step);
      if (!fields) return clock;
      touched.add(clock.id);
      return schedule(closeOpenPause({ ...clock, ...fields }, context.at), context.rules, priority);
    });
    if (change.kind === "classification") kind = change.to;
    if (change.kind === "status") status = change.to;
    // Consultancy owes no replies: a customer's message under it starts no cycle.
    if (change.kind === "customer_message" && kind === "support") {
      const next = nextResponseCycle(current, step);
      if (next) {
        current.push(next);
        touched.add(next.id);
        created.add(next.id);
      }
    }
  }
  return { clocks: current, changed: touched, created };
}

/** The queue's keys: the earliest due and warning instants among the running clocks. */
export function queueKeysOf(clocks: readonly Clock[]): { dueAt: number | null; warnAt: number | null } {
  let due: number | null = null;
  let warn: number | null = null;
  for (const clock of clocks) {
    if (!isRunning(clock) || clock.dueAt === null) continue;
    due = due === null ? clock.dueAt : Math.min(due, clock.dueAt);
    if (clock.warnAt !== null) warn = warn === null ? clock.warnAt : Math.min(warn, clock.warnAt);
  }
  return { dueAt: due, warnAt: warn };
}
