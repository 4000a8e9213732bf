// What a live message refreshes: the ticket it names, the lists and the console; the bell for a
// notification; nothing for presence (its listeners handle it).
import { describe, expect, it } from "vitest";
import { keysToRefresh } from "./live";
import { queryKeys } from "./query-keys";

describe("keysToRefresh", () => {
  it("refreshes the named ticket, the lists and the console for ticket changes", () => {
    expect(
      keysToRefresh({ type: "ticket.message", data: { ticketNumber: 1042, status: "in_progress" } }),
    ).toEqual([queryKeys.ticketLists, queryKeys.console, queryKeys.ticket(1042)]);
    expect(keysToRefresh({ type: "ticket.created", data: { ticketNumber: 1043 } })).toEqual([
      queryKeys.ticketLists,
      queryKeys.console,
    ]);
  });

  it("refreshes the bell for a notification and nothing for presence", () => {
    expect(keysToRefresh({ type: "notification", data: { ticketNumber: 1042 } })).toEqual([
      queryKeys.notifications,
    ]);
    expect(keysToRefresh({ type: "presence", data: { ticketNumber: 1042, state: "viewing" } })).toEqual([]);
  });
});
