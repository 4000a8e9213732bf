// eventText: the history's one-line sentences in both languages.
import { describe, expect, it } from "vitest";
import type { TicketEvent } from "../../../contracts/tickets";
import { translator } from "../../../i18n";
import { baseEvent } from "./event-fixture";
import { eventText } from "./event-text";

const base = baseEvent;

describe("eventText", () => {
  it("writes a status change with the statuses in lower case", () => {
    const event: TicketEvent = {
      ...base,
      type: "status_changed",
      fromStatus: "open",
      toStatus: "in_progress",
    };
    expect(eventText(event, translator("pt-BR"), "pt-BR")).toBe(
      "Status alterado de aberta para em andamento",
    );
    expect(eventText(event, translator("en"), "en")).toBe("Status changed from open to in progress");
  });

  it("writes a priority change", () => {
    const event: TicketEvent = {
      ...base,
      type: "priority_changed",
      fromPriority: "normal",
      toPriority: "urgent",
    };
    expect(eventText(event, translator("pt-BR"), "pt-BR")).toBe("Prioridade alterada de normal para urgente");
  });

  it("tells an internal note from a reply", () => {
    const t = translator("pt-BR");
    expect(eventText({ ...base, type: "message" }, t, "pt-BR")).toBe("Respondeu");
    expect(eventText({ ...base, type: "message", internal: true }, t, "pt-BR")).toBe("Nota interna");
  });

  it("tells the console's changes: assignment, calls, merges, in both languages", () => {
    const pt = translator("pt-BR");
    const en = translator("en");
    const assigned: TicketEvent = { ...base, type: "assigned", toValue: "Juliana Prado" };
    expect(eventText(assigned, pt, "pt-BR")).toBe("Atribuída a Juliana Prado");
    expect(eventText({ ...assigned, toValue: null }, en, "en")).toBe("Assignment removed");
    const call: TicketEvent = { ...base, type: "call_logged", durationMinutes: 12 };
    expect(eventText(call, pt, "pt-BR")).toBe("Ligação registrada (12 min)");
    const merged: TicketEvent = { ...base, type: "merged", relatedTicketNumber: 1042 };
    expect(eventText(merged, pt, "pt-BR")).toBe("Mesclada na ocorrência #1042, onde o atendimento continua");
    expect(eventText(merged, en, "en")).toBe("Merged into ticket #1042, where the conversation continues");
    const screen: TicketEvent = { ...base, type: "screen_changed", fromValue: "ATW0001", toValue: "FIS0001" };
    expect(eventText(screen, pt, "pt-BR")).toBe("Tela alterada de ATW0001 para FIS0001");
  });
});
