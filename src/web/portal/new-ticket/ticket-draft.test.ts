// The new-ticket form's checks: every field required, the contract's limits, a screen code to send.
import { describe, expect, it } from "vitest";
import { translator } from "../../../i18n";
import { checkDraft, emptyDraft, requestOf, screenCodeOf, type TicketDraft } from "./ticket-draft";

const t = translator("pt-BR");
const context = {
  categoryId: "0195f3a4-1d2e-7000-8000-000000000001",
  attachmentIds: [],
  relatedTicketNumber: null,
};

const seedExample: TicketDraft = {
  subject: "E-mail do contato não gravado",
  description:
    "Cadastrei o cliente código 100 através da tela ATW0001 – Atendimento ao Cliente, porém o e-mail do contato Bruno não foi gravado. Favor verificar.",
  screen: "ATW0001 – Atendimento ao Cliente",
  exampleRecord: "cliente código 100",
  priority: "normal",
};

describe("screenCodeOf", () => {
  it("reads the code from a picked screen or a typed code", () => {
    expect(screenCodeOf("ATW0001 – Atendimento ao Cliente")).toBe("ATW0001");
    expect(screenCodeOf(" atw0001")).toBe("ATW0001");
  });

  it("finds none in a name or a malformed code", () => {
    expect(screenCodeOf("Atendimento ao Cliente")).toBeNull();
    expect(screenCodeOf("ATW00012")).toBeNull();
  });
});

describe("checkDraft", () => {
  it("accepts the seed's example", () => {
    expect(checkDraft(seedExample, context, t)).toEqual({});
  });

  it("asks for every field", () => {
    expect(checkDraft(emptyDraft, context, t)).toEqual({
      subject: "Campo obrigatório.",
      description: "Campo obrigatório.",
      screenCode: "Campo obrigatório.",
      exampleRecord: "Campo obrigatório.",
      priority: "Campo obrigatório.",
    });
  });

  it("applies the contract's minimum lengths", () => {
    expect(checkDraft({ ...seedExample, subject: "Erro" }, context, t)).toEqual({
      subject: "Deve ter pelo menos 5 caracteres.",
    });
  });

  it("asks to pick a screen when only a name was typed", () => {
    expect(checkDraft({ ...seedExample, screen: "Atendimento" }, context, t)).toEqual({
      screenCode: "Escolha a tela na lista ou digite o código (ex.: ATW0001).",
    });
  });
});

describe("requestOf", () => {
  it("sends the screen's code and the related ticket when there is one", () => {
    const request = requestOf(seedExample, { ...context, relatedTicketNumber: 1042 });
    expect(request.screenCode).toBe("ATW0001");
    expect(request.relatedTicketNumber).toBe(1042);
    expect("relatedTicketNumber" in requestOf(seedExample, context)).toBe(false);
  });
});
