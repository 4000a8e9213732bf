// replyWindowOf: open, reopening within the window, closed after it or when cancelled or refused.
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../contracts/tickets";
import { linkedTicketPath, replyWindowOf } from "./reply-window";

const now = new Date("2026-12-10T12:00:00.000Z");

const person = { id: "0195f3a4-1d2e-7000-8000-000000000002", name: "Fernanda Lima", staff: false };

function ticketWith(changes: Partial<Ticket>): Ticket {
  return {
    number: 1042,
    sla: null,
    status: "in_progress",
    priority: "normal",
    subject: "E-mail do contato não gravado",
    screenCode: "ATW0001",
    screenName: "Atendimento ao Cliente",
    categoryId: "0195f3a4-1d2e-7000-8000-000000000001",
    categoryName: "Cadastros",
    companyId: "0195f3a4-1d2e-7000-8000-000000000003",
    companyName: "Distribuidora Paulista de Alimentos Ltda",
    requester: person,
    createdAt: "2026-12-01T12:00:00.000Z",
    updatedAt: "2026-12-01T12:00:00.000Z",
    description: "Cadastrei o cliente código 100…",
    descriptionHtml: "<p>Cadastrei o cliente código 100…</p>",
    exampleRecord: "cliente código 100",
    channel: "portal",
    kind: "support",
    version: 1,
    relatedTicketNumber: null,
    mergedIntoNumber: null,
    links: [],
    resolvedAt: null,
    reopenUntil: null,
    abilities: {
      reply: true,
      addInternalNote: false,
      change: false,
      statusTargets: [],
      merge: false,
      link: false,
      logCall: false,
      logTime: false,
      manageEstimates: false,
    },
    attachments: [],
    events: [],
    assignee: null,
    tags: [],
    ...changes,
  };
}

describe("replyWindowOf", () => {
  it("takes replies on a ticket in progress", () => {
    expect(replyWindowOf(ticketWith({}), now, false)).toEqual({ kind: "open" });
  });

  it("reopens a resolved ticket within the window", () => {
    const until = "2026-12-15T12:00:00.000Z";
    expect(replyWindowOf(ticketWith({ status: "resolved", reopenUntil: until }), now, false)).toEqual({
      kind: "reopens",
      until,
    });
  });

  it("is closed once the window has passed", () => {
    const ticket = ticketWith({ status: "resolved", reopenUntil: "2026-12-01T12:00:00.000Z" });
    expect(replyWindowOf(ticket, now, false)).toEqual({ kind: "closed" });
  });

  it("is closed on a cancelled ticket, and whenever the server refused a reply", () => {
    expect(replyWindowOf(ticketWith({ status: "cancelled" }), now, false)).toEqual({ kind: "closed" });
    const ticket = ticketWith({ status: "resolved", reopenUntil: "2026-12-15T12:00:00.000Z" });
    expect(replyWindowOf(ticket, now, true)).toEqual({ kind: "closed" });
  });
});

describe("linkedTicketPath", () => {
  it("carries the category and the old ticket's number", () => {
    expect(linkedTicketPath({ categoryId: "c1", number: 1042 })).toBe("/portal/new?category=c1&related=1042");
  });
});
