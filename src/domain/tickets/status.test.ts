import { describe, expect, it } from "vitest";
import { TicketStatus } from "../../contracts/tickets";
import { afterCustomerReply, afterStaffReply, canStaffMove, reopenDeadline } from "./status";

const DAY = 86_400_000;
const WINDOW = 7 * DAY;
const NOW = Date.parse("2026-11-28T12:00:00Z");

describe("ticket status machine", () => {
  it("a customer's answer hands a waiting ticket back to the team", () => {
    expect(afterCustomerReply("waiting_customer", null, NOW, WINDOW)).toEqual({
      kind: "accepted",
      status: "in_progress",
      reopened: false,
    });
  });

  it.each(["open", "in_progress"] as const)("a reply leaves an %s ticket as it is", (status) => {
    expect(afterCustomerReply(status, null, NOW, WINDOW)).toEqual({
      kind: "accepted",
      status,
      reopened: false,
    });
  });

  it("a reply within the window reopens a resolved ticket, the last instant included", () => {
    expect(afterCustomerReply("resolved", NOW - WINDOW, NOW, WINDOW)).toEqual({
      kind: "accepted",
      status: "in_progress",
      reopened: true,
    });
    expect(afterCustomerReply("resolved", NOW - DAY, NOW, WINDOW)).toMatchObject({ reopened: true });
  });

  it("after the window, or on a cancelled ticket, the reply is refused", () => {
    expect(afterCustomerReply("resolved", NOW - WINDOW - 1, NOW, WINDOW)).toEqual({
      kind: "refused",
      reason: "reopen_closed",
    });
    expect(afterCustomerReply("cancelled", null, NOW, WINDOW)).toEqual({
      kind: "refused",
      reason: "cancelled",
    });
  });

  it("a public staff reply takes a new ticket into work", () => {
    expect(afterStaffReply("open")).toBe("in_progress");
    expect(afterStaffReply("waiting_customer")).toBe("waiting_customer");
    expect(afterStaffReply("resolved")).toBe("resolved");
  });

  it("staff may move a ticket along, and reopen a closed one, but never to itself or back to open", () => {
    for (const from of TicketStatus.options) {
      expect(canStaffMove(from, from)).toBe(false);
      if (from !== "open") expect(canStaffMove(from, "open")).toBe(false);
    }
    expect(canStaffMove("open", "resolved")).toBe(true);
    expect(canStaffMove("resolved", "in_progress")).toBe(true);
    expect(canStaffMove("resolved", "cancelled")).toBe(false);
    expect(canStaffMove("cancelled", "resolved")).toBe(false);
  });

  it("gives the reopen deadline of resolved tickets only", () => {
    expect(reopenDeadline("resolved", NOW, WINDOW)).toBe(NOW + WINDOW);
    expect(reopenDeadline("in_progress", NOW, WINDOW)).toBeNull();
  });
});
