import { describe, expect, it } from "vitest";
import type { TicketChange } from "../../../contracts/tickets";
import { translator } from "../../../i18n";
import { ApiError } from "../../api/api-error";
import { conflictLine, staleTicketOf } from "./conflict-text";

const change: TicketChange = {
  type: "status_changed",
  at: "2026-04-22T13:00:00.000Z",
  actor: { id: "0195f3a4-1d2e-7000-8000-000000000002", name: "Carlos Menezes", staff: true },
  internal: false,
  fromStatus: "open",
  toStatus: "in_progress",
  fromPriority: null,
  toPriority: null,
  metric: null,
  toKind: null,
  fromValue: null,
  toValue: null,
  durationMinutes: null,
  relatedTicketNumber: null,
};

describe("a stale update's explanation", () => {
  it("says who changed what, in the reader's language", () => {
    expect(conflictLine(change, translator("pt-BR"), "pt-BR")).toBe(
      "Carlos Menezes: Status alterado de aberta para em andamento",
    );
    const assigned = {
      ...change,
      type: "assigned" as const,
      fromStatus: null,
      toStatus: null,
      toValue: "Juliana Prado",
    };
    expect(conflictLine({ ...assigned, actor: null }, translator("en"), "en")).toBe(
      "Someone: Assigned to Juliana Prado",
    );
  });

  it("reads the 409's details, and nothing from other errors", () => {
    const details = { code: "ticket.stale_version", message: "…", version: 4, changes: [change] };
    expect(staleTicketOf(new ApiError(409, "ticket.stale_version", "…", {}, details))).toEqual({
      version: 4,
      changes: [change],
    });
    expect(staleTicketOf(new ApiError(409, "ticket.reopen_closed", "…"))).toBeUndefined();
    expect(staleTicketOf(new Error("x"))).toBeUndefined();
    // A 409 from an older server without details still counts as stale.
    expect(staleTicketOf(new ApiError(409, "ticket.stale_version", "…"))).toEqual({
      version: 0,
      changes: [],
    });
  });
});
