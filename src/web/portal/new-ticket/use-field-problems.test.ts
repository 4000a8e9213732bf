// settleProblems: after a refused submit, a field's message goes as soon as the field is valid.
import { describe, expect, it } from "vitest";
import { translator } from "../../../i18n";
import { checkDraft, emptyDraft } from "./ticket-draft";
import { fieldsOf, settleProblems } from "./use-field-problems";

const t = translator("pt-BR");
const context = {
  categoryId: "0195f3a4-1d2e-7000-8000-000000000001",
  attachmentIds: [],
  relatedTicketNumber: null,
};

describe("settleProblems", () => {
  const shown = checkDraft(emptyDraft, context, t);

  it("clears a field's message once the field is valid, keeping the others", () => {
    const now = checkDraft({ ...emptyDraft, subject: "E-mail do contato não gravado" }, context, t);
    const settled = settleProblems(shown, now);
    expect(settled.subject).toBeUndefined();
    expect(settled.description).toBe("Campo obrigatório.");
    expect(Object.keys(settled)).toHaveLength(4);
  });

  it("updates a shown message while the field is still wrong", () => {
    const now = checkDraft({ ...emptyDraft, subject: "Erro" }, context, t);
    expect(settleProblems(shown, now).subject).toBe("Deve ter pelo menos 5 caracteres.");
  });

  it("turns no field red before the next submit", () => {
    const onlySubject = { subject: "Campo obrigatório." };
    const now = checkDraft({ ...emptyDraft, subject: "Erro" }, context, t);
    expect(settleProblems(onlySubject, now)).toEqual({ subject: "Deve ter pelo menos 5 caracteres." });
    expect(settleProblems({}, now)).toEqual({});
  });
});

describe("fieldsOf", () => {
  it("names the contract's field an edit touches", () => {
    expect(fieldsOf({ screen: "ATW0001", subject: "x" })).toEqual(["screenCode", "subject"]);
  });
});
