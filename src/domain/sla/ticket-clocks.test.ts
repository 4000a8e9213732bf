import { describe, expect, it } from "vitest";
import type { Priority, TicketKind, TicketStatus } from "../../contracts/tickets";
import { compileCalendar } from "./business-time";
import { clockRulesOf } from "./policy";
import { at, examplePolicy, iso, saoPauloCalendar } from "./test-fixtures";
import {
  applyClockChanges,
  type Clock,
  type ClockChange,
  type ClockContext,
  queueKeysOf,
  startClocks,
} from "./ticket-clocks";

const SP = "America/Sao_Paulo";
const calendar = saoPauloCalendar();
const compiled = compileCalendar(calendar);

const policy = examplePolicy(calendar);
const rules = clockRulesOf(policy, () => compiled);

/** Wednesday 22/04/2026 in São Paulo. */
const wed = (time: string) => at(`2026-04-22T${time}:00-03:00`);
const thu = (time: string) => at(`2026-04-23T${time}:00-03:00`);
const show = (instant: number | null) => (instant === null ? null : iso(instant, SP));

function contextAt(
  instant: number,
  priority: Priority = "normal",
  kind: TicketKind = "support",
  ticketStatus: TicketStatus = "open",
): ClockContext {
  let next = 0;
  return {
    rules,
    priority,
    kind,
    status: ticketStatus,
    at: instant,
    newId: () => {
      next += 1;
      return `clock-${instant}-${next}`;
    },
  };
}

function opened(instant = wed("09:00"), priority: Priority = "normal"): Clock[] {
  return startClocks(contextAt(instant, priority));
}

function apply(
  clocks: Clock[],
  changes: ClockChange[],
  instant: number,
  priority: Priority = "normal",
  kind: TicketKind = "support",
  ticketStatus: TicketStatus = "open",
) {
  return applyClockChanges(clocks, changes, contextAt(instant, priority, kind, ticketStatus));
}

const byMetric = (clocks: Clock[], metric: Clock["metric"], cycle = 1) => {
  const clock = clocks.find((c) => c.metric === metric && c.cycle === cycle);
  if (!clock) throw new Error(`no ${metric} cycle ${cycle}`);
  return clock;
};

const status = (from: TicketStatus, to: TicketStatus, resolvedAt: number | null = null): ClockChange => ({
  kind: "status",
  from,
  to,
  resolvedAt,
});

describe("a new ticket's clocks", () => {
  it("owe a first response in 4 business hours and a resolution in 16, warning at 80%", () => {
    const clocks = opened();
    expect(clocks.map((c) => [c.metric, c.cycle])).toEqual([
      ["first_response", 1],
      ["resolution", 1],
    ]);
    const first = byMetric(clocks, "first_response");
    expect(show(first.dueAt)).toBe("2026-04-22T14:00:00-03:00");
    // 80% of 240 minutes = 192 minutes: 09:00 + 3 h (to 12:00) + 12 min after lunch.
    expect(show(first.warnAt)).toBe("2026-04-22T13:12:00-03:00");
    // 16 business hours: Wednesday 09–12 and 13–18, Thursday 08–12 and 13–17.
    expect(show(byMetric(clocks, "resolution").dueAt)).toBe("2026-04-23T17:00:00-03:00");
  });
});

describe("applying a change", () => {
  it("a public staff reply meets the first response and leaves resolution running", () => {
    const outcome = apply(opened(), [{ kind: "staff_reply" }], wed("10:00"));
    expect(byMetric(outcome.clocks, "first_response").metAt).toBe(wed("10:00"));
    expect(byMetric(outcome.clocks, "resolution").metAt).toBeNull();
    expect(outcome.changed).toEqual(new Set([byMetric(outcome.clocks, "first_response").id]));
  });

  it("a second reply changes nothing", () => {
    const once = apply(opened(), [{ kind: "staff_reply" }], wed("10:00")).clocks;
    const twice = apply(once, [{ kind: "staff_reply" }], wed("11:00"));
    expect(twice.clocks).toEqual(once);
    expect(twice.changed.size).toBe(0);
  });

  it("waiting for the customer pauses the running clocks; the answer resumes them, the wait not counted", () => {
    const paused = apply(opened(), [status("open", "waiting_customer")], wed("10:00")).clocks;
    expect(byMetric(paused, "first_response").pauses).toEqual([{ from: wed("10:00"), to: null }]);
    // An open pause before the due instant: no due instant until it ends.
    expect(byMetric(paused, "first_response").dueAt).toBeNull();
    const resumed = apply(paused, [status("waiting_customer", "in_progress")], thu("10:00")).clocks;
    expect(byMetric(resumed, "first_response").pauses).toEqual([{ from: wed("10:00"), to: thu("10:00") }]);
    // One hour ran on Wednesday; three remain from Thursday 10:00 (lunch 12–13).
    expect(show(byMetric(resumed, "first_response").dueAt)).toBe("2026-04-23T14:00:00-03:00");
  });

  it("resolving meets resolution and stops a reply still owed; reopening resumes both", () => {
    const resolved = apply(opened(), [status("open", "resolved")], wed("11:00")).clocks;
    expect(byMetric(resolved, "resolution").metAt).toBe(wed("11:00"));
    expect(byMetric(resolved, "first_response").stoppedAt).toBe(wed("11:00"));
    expect(queueKeysOf(resolved)).toEqual({ dueAt: null, warnAt: null });

    const reopened = apply(resolved, [status("resolved", "in_progress", wed("11:00"))], wed("15:00")).clocks;
    const first = byMetric(reopened, "first_response");
    expect(first.stoppedAt).toBeNull();
    expect(first.pauses).toEqual([{ from: wed("11:00"), to: wed("15:00") }]);
    // Two hours ran before resolving; two remain from 15:00.
    expect(show(first.dueAt)).toBe("2026-04-22T17:00:00-03:00");
    expect(byMetric(reopened, "resolution").metAt).toBeNull();
    expect(byMetric(reopened, "resolution").pauses).toEqual([{ from: wed("11:00"), to: wed("15:00") }]);
  });

  it("an answered first response stays met when the ticket is reopened", () => {
    const answered = apply(
      opened(),
      [{ kind: "staff_reply" }, status("open", "resolved")],
      wed("10:00"),
    ).clocks;
    const reopened = apply(answered, [status("resolved", "in_progress", wed("10:00"))], wed("15:00")).clocks;
    expect(byMetric(reopened, "first_response").metAt).toBe(wed("10:00"));
    expect(byMetric(reopened, "first_response").pauses).toEqual([]);
  });

  it("cancelling stops every running clock; taking it back into work resumes them", () => {
    const cancelled = apply(opened(), [status("open", "cancelled")], wed("10:00")).clocks;
    expect(cancelled.every((c) => c.stoppedAt === wed("10:00"))).toBe(true);
    const back = apply(cancelled, [status("cancelled", "in_progress")], wed("11:00")).clocks;
    expect(back.every((c) => c.stoppedAt === null)).toBe(true);
    expect(show(byMetric(back, "first_response").dueAt)).toBe("2026-04-22T15:00:00-03:00");
  });

  it("consultancy stops the running clocks; back to support they resume, the consultancy span a pause", () => {
    const consultancy = apply(opened(), [{ kind: "classification", to: "consultancy" }], wed("10:00")).clocks;
    expect(consultancy.every((c) => c.stoppedAt === wed("10:00"))).toBe(true);
    const support = apply(consultancy, [{ kind: "classification", to: "support" }], wed("13:00")).clocks;
    const first = byMetric(support, "first_response");
    expect(first.stoppedAt).toBeNull();
    expect(first.pauses).toEqual([{ from: wed("10:00"), to: wed("13:00") }]);
    expect(show(first.dueAt)).toBe("2026-04-22T16:00:00-03:00");
  });

  it("a priority change re-targets the running clocks and counts them in the new priority's time", () => {
    const answered = apply(opened(), [{ kind: "staff_reply" }], wed("10:00")).clocks;
    const urgent = apply(answered, [{ kind: "priority", to: "urgent" }], wed("11:00")).clocks;
    // Met clocks keep their target; resolution becomes 240 minutes around the clock from 09:00.
    expect(byMetric(urgent, "first_response").targetMinutes).toBe(240);
    expect(byMetric(urgent, "resolution").targetMinutes).toBe(240);
    expect(show(byMetric(urgent, "resolution").dueAt)).toBe("2026-04-22T13:00:00-03:00");
  });

  it("a customer message after the first response opens a next-response cycle, one at a time", () => {
    const answered = apply(opened(), [{ kind: "staff_reply" }], wed("10:00")).clocks;
    const asked = apply(answered, [{ kind: "customer_message" }], wed("11:00"));
    const next = byMetric(asked.clocks, "next_response", 1);
    expect(asked.created).toEqual(new Set([next.id]));
    // 8 business hours from 11:00: 1 h before lunch, 5 h after, 2 h on Thursday morning.
    expect(show(next.dueAt)).toBe("2026-04-23T10:00:00-03:00");
    const again = apply(asked.clocks, [{ kind: "customer_message" }], wed("11:30"));
    expect(again.created.size).toBe(0);
    const replied = apply(again.clocks, [{ kind: "staff_reply" }], wed("14:00")).clocks;
    const third = apply(replied, [{ kind: "customer_message" }], wed("15:00")).clocks;
    expect(third.filter((c) => c.metric === "next_response").map((c) => c.cycle)).toEqual([1, 2]);
  });

  it("before the first response, a customer message owes nothing new", () => {
    const outcome = apply(opened(), [{ kind: "customer_message" }], wed("10:00"));
    expect(outcome.created.size).toBe(0);
    expect(outcome.clocks).toHaveLength(2);
  });

  it("applies a command's changes in order, a later one seeing the earlier", () => {
    // A customer's reply to a resolved ticket: reopened, then a new next-response cycle.
    const answered = apply(opened(), [{ kind: "staff_reply" }], wed("10:00")).clocks;
    const resolved = apply(answered, [status("in_progress", "resolved")], wed("11:00")).clocks;
    const reply = apply(
      resolved,
      [status("resolved", "in_progress", wed("11:00")), { kind: "customer_message" }],
      wed("14:00"),
    );
    expect(byMetric(reply.clocks, "resolution").metAt).toBeNull();
    expect(byMetric(reply.clocks, "next_response").startedAt).toBe(wed("14:00"));
  });
});

describe("stories the property tests found", () => {
  it("resolved while waiting for the customer, then reopened: the clocks run again, no pause left open", () => {
    const waiting = apply(opened(), [status("open", "waiting_customer")], wed("10:00")).clocks;
    const resolved = apply(waiting, [status("waiting_customer", "resolved")], wed("11:00")).clocks;
    expect(resolved.every((c) => c.pauses.every((p) => p.to !== null))).toBe(true);
    const reopened = apply(resolved, [status("resolved", "in_progress", wed("11:00"))], wed("15:00")).clocks;
    const resolution = byMetric(reopened, "resolution");
    expect(resolution.metAt).toBeNull();
    expect(resolution.dueAt).not.toBeNull();
    // One hour ran before the wait; 15 remain from 15:00: 3 on Wednesday, 9 on Thursday, 3 on Friday.
    expect(show(resolution.dueAt)).toBe("2026-04-24T11:00:00-03:00");
  });

  it("reopening a consultancy ticket starts nothing; back to support, the resolution is owed again", () => {
    const consultancy = apply(opened(), [{ kind: "classification", to: "consultancy" }], wed("10:00")).clocks;
    const resolved = apply(
      consultancy,
      [status("open", "resolved")],
      wed("11:00"),
      "normal",
      "consultancy",
    ).clocks;
    const reopened = apply(
      resolved,
      [status("resolved", "in_progress", wed("11:00"))],
      wed("14:00"),
      "normal",
      "consultancy",
    ).clocks;
    expect(reopened.filter((c) => c.metAt === null && c.stoppedAt === null)).toEqual([]);
    const support = apply(
      reopened,
      [{ kind: "classification", to: "support" }],
      wed("15:00"),
      "normal",
      "consultancy",
      "in_progress",
    ).clocks;
    expect(byMetric(support, "resolution").stoppedAt).toBeNull();
    expect(byMetric(support, "first_response").stoppedAt).toBeNull();
  });

  it("back to support on a resolved ticket resumes nothing until it is reopened", () => {
    const consultancy = apply(opened(), [{ kind: "classification", to: "consultancy" }], wed("10:00")).clocks;
    const support = apply(
      consultancy,
      [{ kind: "classification", to: "support" }],
      wed("12:00"),
      "normal",
      "consultancy",
      "resolved",
    ).clocks;
    expect(queueKeysOf(support)).toEqual({ dueAt: null, warnAt: null });
  });
});

describe("queue keys", () => {
  it("are the earliest due and warning instants among running clocks", () => {
    const clocks = opened();
    expect(queueKeysOf(clocks)).toEqual({
      dueAt: byMetric(clocks, "first_response").dueAt,
      warnAt: byMetric(clocks, "first_response").warnAt,
    });
    const answered = apply(clocks, [{ kind: "staff_reply" }], wed("10:00")).clocks;
    expect(queueKeysOf(answered).dueAt).toBe(byMetric(answered, "resolution").dueAt);
  });

  it("leave out a clock held by an open pause", () => {
    const paused = apply(opened(), [status("open", "waiting_customer")], wed("10:00")).clocks;
    expect(queueKeysOf(paused)).toEqual({ dueAt: null, warnAt: null });
  });
});
