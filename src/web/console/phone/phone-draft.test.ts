// The phone log's checks: the portal form's rules, plus who called, the category and the call's minutes.
import { describe, expect, it } from "vitest";
import { translator } from "../../../i18n";
import { checkPhoneDraft, emptyPhoneDraft, type PhoneDraft, phoneRequestOf } from "./phone-draft";

const t = translator("pt-BR");
const filled: PhoneDraft = {
  companyId: "0195f3a4-1d2e-7000-8000-000000000003",
  requesterId: "0195f3a4-1d2e-7000-8000-000000000002",
  categoryId: "0195f3a4-1d2e-7000-8000-000000000001",
  subject: "Não imprimiu a NF quando cliquei em Faturar!",
  description: "Cliquei em Faturar no pedido 45872 e a NF não foi impressa.",
  screen: "FAT0001 – Faturamento de Pedidos",
  exampleRecord: "pedido 45872",
  priority: "high",
  durationMinutes: 12,
};

describe("checkPhoneDraft", () => {
  it("passes a complete draft and sends the screen's code and the minutes", () => {
    expect(checkPhoneDraft(filled, [], t)).toEqual({});
    expect(phoneRequestOf(filled, ["arquivo-id-0000000000000"])).toEqual({
      categoryId: filled.categoryId,
      subject: filled.subject,
      description: filled.description,
      screenCode: "FAT0001",
      exampleRecord: "pedido 45872",
      priority: "high",
      attachmentIds: ["arquivo-id-0000000000000"],
      requesterId: filled.requesterId,
      durationMinutes: 12,
    });
  });

  it("requires every field, asking for the company before the user", () => {
    expect(checkPhoneDraft(emptyPhoneDraft, [], t)).toEqual({
      companyId: "Campo obrigatório.",
      requesterId: "Escolha a empresa primeiro.",
      categoryId: "Campo obrigatório.",
      subject: "Campo obrigatório.",
      description: "Campo obrigatório.",
      screenCode: "Campo obrigatório.",
      exampleRecord: "Campo obrigatório.",
      priority: "Campo obrigatório.",
      durationMinutes: "Campo obrigatório.",
    });
    expect(checkPhoneDraft({ ...filled, requesterId: null }, [], t)).toEqual({
      requesterId: "Campo obrigatório.",
    });
  });

  it("keeps the call between 1 and 600 whole minutes", () => {
    expect(checkPhoneDraft({ ...filled, durationMinutes: 0 }, [], t)).toEqual({
      durationMinutes: "Deve ser no mínimo 1.",
    });
    expect(checkPhoneDraft({ ...filled, durationMinutes: 601 }, [], t)).toEqual({
      durationMinutes: "Deve ser no máximo 600.",
    });
  });
});
