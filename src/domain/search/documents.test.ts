import { describe, expect, it } from "vitest";
import { articleTerms, ticketTextTerms } from "./documents";
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
});
