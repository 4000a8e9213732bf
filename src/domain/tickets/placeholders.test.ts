import { describe, expect, it } from "vitest";
import { fillPlaceholders, firstNameOf } from "./placeholders";

const values = {
  customer: "Fernanda Lima",
  firstName: "Fernanda",
  company: "Distribuidora Paulista de Alimentos Ltda",
  ticket: "1042",
  plan: "Profissional",
  due: "23/04/2026 17:00",
};

describe("fillPlaceholders", () => {
  it("fills the pt-BR names and their English aliases, in any case or accents", () => {
    expect(
      fillPlaceholders(
        "Olá, {cliente} ({empresa}). Ocorrência {Ocorrência}, plano {plano}, prazo {prazo}.",
        values,
      ),
    ).toBe(
      "Olá, Fernanda Lima (Distribuidora Paulista de Alimentos Ltda). Ocorrência 1042, plano Profissional, prazo 23/04/2026 17:00.",
    );
    expect(fillPlaceholders("{customer} {company} {ticket} {plan} {due} { CLIENTE }", values)).toBe(
      "Fernanda Lima Distribuidora Paulista de Alimentos Ltda 1042 Profissional 23/04/2026 17:00 Fernanda Lima",
    );
  });

  it("greets by first name with {nome} ({firstName})", () => {
    expect(fillPlaceholders("Olá, {nome}! {firstName} {Nome} {FIRSTNAME}", values)).toBe(
      "Olá, Fernanda! Fernanda Fernanda Fernanda",
    );
  });

  it("takes the first word of a full name as the first name", () => {
    expect(firstNameOf("Fernanda Lima")).toBe("Fernanda");
    expect(firstNameOf("  Ana   Paula Souza ")).toBe("Ana");
    expect(firstNameOf("Bruno")).toBe("Bruno");
  });

  it("leaves unknown placeholders and those without a value as written", () => {
    expect(fillPlaceholders("{atendente} {prazo} {plan} {1} {}", { ...values, plan: null, due: null })).toBe(
      "{atendente} {prazo} {plan} {1} {}",
    );
  });
});
