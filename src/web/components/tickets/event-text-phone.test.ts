// eventText for phone calls, merges and links: who logged a phone ticket, a link made and undone.
import { describe, expect, it } from "vitest";
import type { TicketEvent } from "../../../contracts/tickets";
import { translator } from "../../../i18n";
import { baseEvent } from "./event-fixture";
import { eventText } from "./event-text";

const base = baseEvent;
const pt = translator("pt-BR");
const en = translator("en");

describe("eventText for calls, merges and links", () => {
  it("says a ticket opened by staff was logged by phone, and by whom", () => {
    const agent = { id: "0195f3a4-1d2e-7000-8000-000000000002", name: "Juliana Prado", staff: true };
    const customer = { id: "0195f3a4-1d2e-7000-8000-000000000003", name: "Fernanda Lima", staff: false };
    expect(eventText({ ...base, actor: agent }, pt, "pt-BR")).toBe("Registrou por telefone: Juliana Prado");
    expect(eventText({ ...base, actor: agent }, en, "en")).toBe("Logged by phone: Juliana Prado");
    expect(eventText({ ...base, actor: customer }, pt, "pt-BR")).toBe("Abriu a ocorrência");
  });

  it("tells a link made from a link undone", () => {
    const made: TicketEvent = { ...base, type: "linked", relatedTicketNumber: 1042, toValue: "#1042" };
    const undone: TicketEvent = { ...base, type: "linked", relatedTicketNumber: 1042, fromValue: "#1042" };
    expect(eventText(made, pt, "pt-BR")).toBe("Vinculada à ocorrência #1042");
    expect(eventText(undone, pt, "pt-BR")).toBe("Vínculo com a ocorrência #1042 removido");
    expect(eventText(undone, en, "en")).toBe("No longer linked to ticket #1042");
  });

  it("writes a merge on both sides and a call's minutes", () => {
    expect(eventText({ ...base, type: "merged", relatedTicketNumber: 1042 }, pt, "pt-BR")).toBe(
      "Mesclada na ocorrência #1042, onde o atendimento continua",
    );
    expect(eventText({ ...base, type: "merged_from", relatedTicketNumber: 1041 }, pt, "pt-BR")).toBe(
      "Ocorrência #1041 mesclada nesta",
    );
    expect(eventText({ ...base, type: "call_logged", durationMinutes: 12 }, pt, "pt-BR")).toBe(
      "Ligação registrada (12 min)",
    );
  });
});
