import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Priority, TicketKind, TicketStatus } from "../../contracts/tickets";
import { afterCustomerReply, afterStaffReply, staffMovesFrom } from "../tickets/status";
import { compileCalendar } from "./business-time";
import { elapsedBusinessMinutes } from "./clock";
import { clockRulesOf } from "./policy";
import { at, examplePolicy, saoPauloCalendar } from "./test-fixtures";
import {
  applyClockChanges,
  type Clock,
  type ClockChange,
  type ClockContext,
  isRunning,
  queueKeysOf,
  startClocks,
} from "./ticket-clocks";

const RUNS = { numRuns: 300 };
const calendar = saoPauloCalendar({ closedDates: ["2026-12-24"] });
const compiled = compileCalendar(calendar);
const policy = examplePolicy(calendar, 0.75);
const rules = clockRulesOf(policy, () => compiled);
const REOPEN_WINDOW = 7 * 24 * 3_600_000;

type Step =
  | { kind: "move"; pick: number }
  | { kind: "staff_reply" }
  | { kind: "customer_reply" }
  | { kind: "priority"; to: Priority }
  | { kind: "classify"; to: TicketKind }
  /** Merged into another ticket: cancelled from whatever status. */
  | { kind: "merge" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("move" as const), pick: fc.nat() }),
  fc.constant({ kind: "staff_reply" as const }),
  fc.constant({ kind: "customer_reply" as const }),
  fc.record({
    kind: fc.constant("priority" as const),
    to: fc.constantFrom<Priority>("low", "normal", "high", "urgent"),
  }),
  fc.record({
    kind: fc.constant("classify" as const),
    to: fc.constantFrom<TicketKind>("support", "consultancy"),
  }),
);
/** Up to three days between steps, often minutes. */
const gap = fc.oneof(
  fc.integer({ min: 0, max: 90 * 60_000 }),
  fc.integer({ min: 0, max: 3 * 24 * 3_600_000 }),
);
const story = fc.record({
  openedAt: fc.integer({ min: at("2026-01-05T00:00:00Z"), max: at("2026-12-20T00:00:00Z") }),
  priority: fc.constantFrom<Priority>("low", "normal", "high", "urgent"),
  steps: fc.array(fc.tuple(step, gap), { maxLength: 25 }),
});

interface Ticket {
  status: TicketStatus;
  kind: TicketKind;
  priority: Priority;
  resolvedAt: number | null;
}

/** The clock changes a step makes to the ticket, as the ticket commands make them, and the ticket after. */
function changesOf(ticket: Ticket, step: Step, now: number): { changes: ClockChange[]; after: Ticket } {
  const to = (next: TicketStatus): ClockChange => ({
    kind: "status",
    from: ticket.status,
    to: next,
    resolvedAt: ticket.resolvedAt,
  });
  const moved = (next: TicketStatus): Ticket => ({
    ...ticket,
    status: next,
    resolvedAt: next === "resolved" ? now : null,
  });
  switch (step.kind) {
    case "move": {
      const targets = staffMovesFrom(ticket.status);
      const next = targets[step.pick % targets.length];
      return next ? { changes: [to(next)], after: moved(next) } : { changes: [], after: ticket };
    }
    case "staff_reply": {
      const next = afterStaffReply(ticket.status);
      const changes: ClockChange[] = next === ticket.status ? [] : [to(next)];
      return {
        changes: [...changes, { kind: "staff_reply" }],
        after: next === ticket.status ? ticket : moved(next),
      };
    }
    case "customer_reply": {
      const outcome = afterCustomerReply(ticket.status, ticket.resolvedAt, now, REOPEN_WINDOW);
      if (outcome.kind === "refused") return { changes: [], after: ticket };
      const changes: ClockChange[] = outcome.status === ticket.status ? [] : [to(outcome.status)];
      const after = outcome.status === ticket.status ? ticket : moved(outcome.status);
      return { changes: [...changes, { kind: "customer_message" }], after };
    }
    case "priority":
      return { changes: [{ kind: "priority", to: step.to }], after: { ...ticket, priority: step.to } };
    case "merge":
      return ticket.status === "cancelled"
        ? { changes: [], after: ticket }
        : { changes: [to("cancelled")], after: moved("cancelled") };
    case "classify":
      return step.to === ticket.kind
        ? { changes: [], after: ticket }
        : { changes: [{ kind: "classification", to: step.to }], after: { ...ticket, kind: step.to } };
  }
}

function idGenerator(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `c${n}`;
  };
}

/** Lives a story one command at a time; returns every state along the way. */
function live(input: { openedAt: number; priority: Priority; steps: [Step, number][] }) {
  const newId = idGenerator();
  let now = input.openedAt;
  let ticket: Ticket = { status: "open", kind: "support", priority: input.priority, resolvedAt: null };
  let clocks = startClocks({
    rules,
    priority: ticket.priority,
    kind: "support",
    status: "open",
    at: now,
    newId,
  });
  const states: { ticket: Ticket; clocks: Clock[]; now: number; commands: ClockChange[][] }[] = [];
  const commands: ClockChange[][] = [];
  for (const [s, elapsed] of input.steps) {
    now += elapsed;
    const { changes, after } = changesOf(ticket, s, now);
    const context: ClockContext = {
      rules,
      priority: ticket.priority,
      kind: ticket.kind,
      status: ticket.status,
      at: now,
      newId,
    };
    clocks = applyClockChanges(clocks, changes, context).clocks;
    commands.push(changes);
    ticket = after;
    states.push({ ticket, clocks, now, commands: [...commands] });
  }
  return { states, ticket, clocks };
}

describe("a ticket's clocks along any story of commands", () => {
  it("a running clock's due instant is where exactly its target of unpaused business time has run", () => {
    fc.assert(
      fc.property(story, (input) => {
        for (const { ticket, clocks } of live(input).states) {
          const businessTime = rules.businessTime(ticket.priority);
          for (const clock of clocks.filter(isRunning)) {
            if (clock.dueAt === null) continue;
            const elapsed = elapsedBusinessMinutes(businessTime, clock.startedAt, clock.dueAt, clock.pauses);
            expect(elapsed).toBeCloseTo(clock.targetMinutes, 6);
          }
        }
      }),
      RUNS,
    );
  });

  it("only a ticket waiting for the customer holds open pauses, one per clock at most", () => {
    fc.assert(
      fc.property(story, (input) => {
        for (const { ticket, clocks } of live(input).states) {
          for (const clock of clocks) {
            const open = clock.pauses.filter((p) => p.to === null).length;
            expect(open).toBeLessThanOrEqual(1);
            if (ticket.status !== "waiting_customer") expect(open).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it("nothing runs on a finished ticket or under consultancy, and the queue keys say so", () => {
    fc.assert(
      fc.property(story, (input) => {
        for (const { ticket, clocks } of live(input).states) {
          const idle =
            ticket.status === "resolved" || ticket.status === "cancelled" || ticket.kind === "consultancy";
          if (idle) {
            expect(clocks.filter(isRunning)).toEqual([]);
            expect(queueKeysOf(clocks)).toEqual({ dueAt: null, warnAt: null });
          }
          const running = clocks.filter((c) => isRunning(c) && c.dueAt !== null).map((c) => c.dueAt ?? 0);
          expect(queueKeysOf(clocks).dueAt).toBe(running.length > 0 ? Math.min(...running) : null);
        }
      }),
      RUNS,
    );
  });

  it("on a support ticket in work, the resolution runs, and so does the first response until answered", () => {
    fc.assert(
      fc.property(story, (input) => {
        for (const { ticket, clocks } of live(input).states) {
          const inWork =
            ticket.status === "open" ||
            ticket.status === "in_progress" ||
            ticket.status === "waiting_customer";
          if (!inWork || ticket.kind !== "support") continue;
          const [first, resolution] = ["first_response", "resolution"].map((m) =>
            clocks.find((c) => c.metric === m),
          );
          expect(resolution && isRunning(resolution)).toBe(true);
          expect(first && (first.metAt !== null || isRunning(first))).toBe(true);
          // Waiting for the customer holds every running clock in an open pause.
          for (const clock of clocks.filter(isRunning)) {
            expect(clock.pauses.some((p) => p.to === null)).toBe(ticket.status === "waiting_customer");
          }
        }
      }),
      RUNS,
    );
  });

  it("one first response and one resolution; next-response cycles numbered in order, one running at most", () => {
    fc.assert(
      fc.property(story, (input) => {
        const { clocks } = live(input);
        expect(clocks.filter((c) => c.metric === "first_response")).toHaveLength(1);
        expect(clocks.filter((c) => c.metric === "resolution")).toHaveLength(1);
        const next = clocks.filter((c) => c.metric === "next_response");
        expect(next.map((c) => c.cycle)).toEqual(next.map((_, i) => i + 1));
        expect(next.filter(isRunning).length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("applying a command's changes at once equals applying them one by one", () => {
    fc.assert(
      fc.property(story, (input) => {
        const { states } = live(input);
        let previous = startClocks({
          rules,
          priority: input.priority,
          kind: "support",
          status: "open",
          at: input.openedAt,
          newId: idGenerator(),
        });
        let priority = input.priority;
        let kind: TicketKind = "support";
        let status: TicketStatus = "open";
        for (const [index, state] of states.entries()) {
          const changes = state.commands[index] ?? [];
          const ids = idGenerator();
          // Both sides number new clocks alike: a fresh generator per side, started at the same count.
          const together = applyClockChanges(previous, changes, {
            rules,
            priority,
            kind,
            status,
            at: state.now,
            newId: ids,
          });
          let stepwise = previous;
          let stepPriority = priority;
          let stepKind = kind;
          let stepStatus = status;
          const stepIds = idGenerator();
          for (const change of changes) {
            stepwise = applyClockChanges(stepwise, [change], {
              rules,
              priority: stepPriority,
              kind: stepKind,
              status: stepStatus,
              at: state.now,
              newId: stepIds,
            }).clocks;
            if (change.kind === "priority") stepPriority = change.to;
            if (change.kind === "classification") stepKind = change.to;
            if (change.kind === "status") stepStatus = change.to;
          }
          expect(stepwise).toEqual(together.clocks);
          previous = state.clocks;
          priority = state.ticket.priority;
          kind = state.ticket.kind;
          status = state.ticket.status;
        }
      }),
      RUNS,
    );
  });
});
