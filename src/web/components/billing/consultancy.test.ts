import { describe, expect, it } from "vitest";
import type { Estimate } from "../../../contracts/billing";
import type { TicketEvent } from "../../../contracts/tickets";
import { consultancyReasonHtml, openEstimate } from "./consultancy";

const event = (overrides: Partial<TicketEvent>): TicketEvent => ({
  id: "01900000-0000-7000-8000-000000000001",
  type: "message",
  at: "2026-04-29T13:00:00.000Z",
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
  ...overrides,
});

describe("consultancyReasonHtml", () => {
  it("is the reason of the latest reclassification to consultancy", () => {
    const events = [
      event({ type: "kind_changed", toKind: "consultancy", bodyHtml: "<p>primeira</p>" }),
      event({ type: "kind_changed", toKind: "support", bodyHtml: "<p>voltou</p>" }),
      event({ type: "kind_changed", toKind: "consultancy", bodyHtml: "<p>segunda</p>" }),
      event({ type: "message", bodyHtml: "<p>resposta</p>" }),
    ];
    expect(consultancyReasonHtml({ events })).toBe("<p>segunda</p>");
  });

  it("is null without a reason or a reclassification", () => {
    expect(
      consultancyReasonHtml({ events: [event({ type: "kind_changed", toKind: "consultancy" })] }),
    ).toBeNull();
    expect(consultancyReasonHtml({ events: [] })).toBeNull();
  });
});

describe("openEstimate", () => {
  const estimate = (status: Estimate["status"]) => ({ status }) as Estimate;
  it("finds the draft or sent estimate among decided ones", () => {
    expect(openEstimate([estimate("declined"), estimate("sent")])?.status).toBe("sent");
    expect(openEstimate([estimate("draft")])?.status).toBe("draft");
    expect(openEstimate([estimate("approved"), estimate("withdrawn")])).toBeUndefined();
  });
});
