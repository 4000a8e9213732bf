import { describe, expect, it } from "vitest";
import type { Role } from "../../contracts/common";
import type { Actor } from "../policies";
import { type TicketResource, ticketAbilities, ticketPolicies } from "./policies";

const actor = (role: Role, companyId: string | null = null): Actor => ({
  userId: `${role}-1`,
  role,
  companyId,
});
const customer = actor("customer", "A");
const companyAdmin = actor("customer_admin", "A");
const stranger = actor("customer", "B");
const agent = actor("agent");
const supervisor = actor("supervisor");

const DAY = 24 * 3_600_000;
const NOW = Date.parse("2026-04-22T13:00:00Z");
const moment = { now: NOW, reopenWindowMs: 7 * DAY };
const ticket = (overrides: Partial<TicketResource> = {}): TicketResource => ({
  companyId: "A",
  status: "in_progress",
  kind: "support",
  resolvedAt: null,
  merged: false,
  ...overrides,
});

describe("ticket policies", () => {
  const open = ticket();
  it.each([
    // who, read, reply, note, change, merge, link, call, time, estimates
    [customer, "allow", "allow", "forbid", "forbid", "forbid", "forbid", "forbid", "hide", "hide"],
    [companyAdmin, "allow", "allow", "forbid", "forbid", "forbid", "forbid", "forbid", "hide", "hide"],
    [stranger, "hide", "hide", "hide", "hide", "hide", "hide", "hide", "hide", "hide"],
    [agent, "allow", "allow", "allow", "allow", "allow", "allow", "allow", "allow", "allow"],
    [supervisor, "allow", "allow", "allow", "allow", "allow", "allow", "allow", "allow", "allow"],
  ] as const)(
    "%o on an open ticket of company A",
    (who, read, reply, note, change, merge, link, call, time, estimates) => {
      expect(ticketPolicies.read(who, open)).toBe(read);
      expect(ticketPolicies.reply(who, open, moment)).toBe(reply);
      expect(ticketPolicies.note(who, open)).toBe(note);
      expect(ticketPolicies.change(who, open)).toBe(change);
      expect(ticketPolicies.merge(who, open)).toBe(merge);
      expect(ticketPolicies.link(who, open)).toBe(link);
      expect(ticketPolicies.logCall(who, open)).toBe(call);
      expect(ticketPolicies.logTime(who, open)).toBe(time);
      expect(ticketPolicies.manageEstimates(who, open)).toBe(estimates);
    },
  );

  it("refuses every action on a merged ticket to whoever may see it, and still hides it from strangers", () => {
    const merged = ticket({ status: "cancelled", merged: true });
    for (const who of [customer, agent, supervisor]) {
      expect(ticketPolicies.reply(who, merged, moment)).toEqual({ refused: "merged" });
    }
    for (const rule of [
      ticketPolicies.note,
      ticketPolicies.change,
      ticketPolicies.merge,
      ticketPolicies.link,
      ticketPolicies.logCall,
      ticketPolicies.logTime,
      ticketPolicies.manageEstimates,
    ]) {
      expect(rule(agent, merged)).toEqual({ refused: "merged" });
    }
    expect(ticketPolicies.reply(stranger, merged, moment)).toBe("hide");
    expect(ticketPolicies.read(customer, merged)).toBe("allow");
  });

  it("lets a customer reopen a resolved ticket within the window, not after, and never a cancelled one", () => {
    const resolved = (daysAgo: number) => ticket({ status: "resolved", resolvedAt: NOW - daysAgo * DAY });
    expect(ticketPolicies.reply(customer, resolved(6), moment)).toBe("allow");
    expect(ticketPolicies.reply(customer, resolved(8), moment)).toEqual({ refused: "reopen_closed" });
    expect(ticketPolicies.reply(customer, ticket({ status: "cancelled" }), moment)).toEqual({
      refused: "cancelled",
    });
    // The team answers whatever the status.
    expect(ticketPolicies.reply(agent, resolved(30), moment)).toBe("allow");
    expect(ticketPolicies.reply(agent, ticket({ status: "cancelled" }), moment)).toBe("allow");
  });
});

describe("ticket abilities", () => {
  it("give a customer the reply box only", () => {
    expect(ticketAbilities(customer, ticket(), moment)).toEqual({
      reply: true,
      addInternalNote: false,
      change: false,
      statusTargets: [],
      merge: false,
      link: false,
      logCall: false,
      logTime: false,
      manageEstimates: false,
    });
  });

  it("give staff the work, estimates only on a consultancy ticket, and the moves the machine allows", () => {
    expect(ticketAbilities(agent, ticket({ status: "open" }), moment)).toMatchObject({
      change: true,
      statusTargets: ["in_progress", "waiting_customer", "resolved", "cancelled"],
      manageEstimates: false,
      logTime: true,
    });
    expect(ticketAbilities(agent, ticket({ kind: "consultancy" }), moment).manageEstimates).toBe(true);
  });

  it("give nothing to do on a merged ticket", () => {
    const abilities = ticketAbilities(supervisor, ticket({ status: "cancelled", merged: true }), moment);
    expect(Object.values(abilities).filter((value) => value === true)).toEqual([]);
    expect(abilities.statusTargets).toEqual([]);
  });
});
