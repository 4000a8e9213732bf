import { describe, expect, it } from "vitest";
import { articleTerms, ticketEventTerms, ticketTextTerms } from "./documents";
import { analyze } from "./portuguese";

describe("the index terms of searchable rows", () => {
  it("counts an answer's question twice, then its answer and category", () => {
    expect(
      articleTerms({
        question: "Como enviar o e-mail?",
        answer: "Clique em Enviar.",
        categoryName: "Cadastros",
      }).split(" "),
    ).toEqual([
      ...analyze("enviar e-mail"),
      ...analyze("enviar e-mail"),
      ...analyze("Clique Enviar"),
      ...analyze("Cadastros"),
    ]);
  });

  it("counts a ticket's subject twice, then its description, example record and screen", () => {
    expect(
      ticketTextTerms({
        subject: "Boleto não sai",
        description: "Erro ao imprimir",
        exampleRecord: "título 123",
        screenCode: "FIN0004",
      }),
    ).toEqual(["bolet", "sai", "bolet", "sai", "erro", "imprim", "titul", "123", "fin0004"]);
  });

  it("adds what public history made searchable, never internal notes", () => {
    const event = { type: "message", internal: 0, body: "Enviei o e-mail", to_value: null };
    expect(ticketEventTerms(event)).toEqual(["envi", "email", "mail"]);
    expect(ticketEventTerms({ ...event, internal: 1 })).toEqual([]);
    expect(ticketEventTerms({ ...event, type: "call_logged" })).toEqual(["envi", "email", "mail"]);
    expect(
      ticketEventTerms({
        type: "screen_changed",
        internal: 0,
        body: null,
        to_value: "FIN0005 – Fluxo de Caixa",
      }),
    ).toEqual(["fin0005"]);
    expect(
      ticketEventTerms({ type: "status_changed", internal: 0, body: "x", to_value: "resolved" }),
    ).toEqual([]);
  });
});
