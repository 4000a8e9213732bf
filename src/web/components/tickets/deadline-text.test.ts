// deadlineText: a deadline's line in both languages, including one met after its due time.
import { describe, expect, it } from "vitest";
import type { TicketSla } from "../../../contracts/tickets";
import { translator } from "../../../i18n";
import { formatDateTime } from "../../../i18n/format-date";
import { deadlineText } from "./deadline-text";

type Deadline = TicketSla["deadlines"][number];

const pt = translator("pt-BR");
const en = translator("en");
const ptDate = (instant: string) => formatDateTime(instant, "pt-BR");
const enDate = (instant: string) => formatDateTime(instant, "en");

const due = "2026-12-04T20:00:00.000Z"; // 17:00 in São Paulo
const late = "2026-12-04T23:20:00.000Z"; // 20:20 in São Paulo
const early = "2026-12-04T18:00:00.000Z"; // 15:00 in São Paulo

describe("deadlineText", () => {
  it("says a deadline met in time was met", () => {
    const met: Deadline = { metric: "first_response", dueAt: due, state: "met", metAt: early };
    expect(deadlineText(pt, ptDate, met, "customer")).toBe("Primeira resposta: cumprido em 04/12/2026 15:00");
  });

  it("says a response given after its due time was late, not met", () => {
    const metLate: Deadline = { metric: "first_response", dueAt: due, state: "breached", metAt: late };
    expect(deadlineText(pt, ptDate, metLate, "customer")).toBe(
      "Primeira resposta: respondida com atraso em 04/12/2026 20:20",
    );
    expect(deadlineText(pt, ptDate, { ...metLate, metric: "next_response" }, "staff")).toBe(
      "Próxima resposta: respondida com atraso em 04/12/2026 20:20",
    );
    expect(deadlineText(en, enDate, metLate, "customer")).toMatch(
      /^First response: answered late on 12\/04\/2026/,
    );
  });

  it("says a solution given after its due time was late", () => {
    const solvedLate: Deadline = { metric: "resolution", dueAt: due, state: "breached", metAt: late };
    expect(deadlineText(pt, ptDate, solvedLate, "staff")).toBe(
      "Solução: finalizada com atraso em 04/12/2026 20:20",
    );
    expect(deadlineText(en, enDate, solvedLate, "staff")).toMatch(
      /^Resolution: resolved late on 12\/04\/2026/,
    );
  });

  it("gives a running deadline's due time, and who a paused one waits for", () => {
    const running: Deadline = { metric: "resolution", dueAt: due, state: "on_time", metAt: null };
    expect(deadlineText(pt, ptDate, running, "customer")).toBe("Solução até 04/12/2026 17:00");
    const paused: Deadline = { metric: "resolution", dueAt: null, state: "paused", metAt: null };
    expect(deadlineText(pt, ptDate, paused, "customer")).toBe("Solução: pausado — aguardando você");
    expect(deadlineText(pt, ptDate, paused, "staff")).toBe("Solução: pausado — aguardando cliente");
  });
});
