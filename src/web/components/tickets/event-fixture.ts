// A history event with every optional field empty, for the tests of what the history says.
import type { TicketEvent } from "../../../contracts/tickets";

export const baseEvent: TicketEvent = {
  id: "0195f3a4-1d2e-7000-8000-000000000001",
  type: "opened",
  at: "2026-11-28T13:00:00.000Z",
  actor: null,
  internal: false,
  bodyHtml: null,
  fromStatus: null,
  toStatus: null,
  fromPriority: null,
  toPriority: null,
  metric: null,
  toKind: null,
  fromValue: null,
  toValue: null,
  durationMinutes: null,
  relatedTicketNumber: null,
  attachments: [],
};
