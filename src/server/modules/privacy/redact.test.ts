// Anonymizing text: the person's e-mail, @handle and full name go, whatever their case; other words,
// other handles and regular-expression characters in a name are left alone.
import { describe, expect, it } from "vitest";
import { analyze } from "../../../domain/search/portuguese";
import { firstNameOf, needlesOf, redactFirstName, redactTerms, redactText, redactValue } from "./redact";

const marta = { name: "Marta Quintanilha", email: "marta.quintanilha@distribuidora.com.br" };

describe("redaction", () => {
  it("replaces the e-mail, the @handle and the full name, case aside", () => {
    expect(
      redactText(
        "Olá MARTA QUINTANILHA, responda para Marta.Quintanilha@Distribuidora.com.br; cc @marta.quintanilha e @marta.quintanilha2.",
        marta,
      ),
    ).toBe("Olá Titular anonimizado, responda para e-mail removido; cc @titular e @marta.quintanilha2.");
  });

  it("treats a name's punctuation literally", () => {
    expect(
      redactText("Falei com João (Financeiro) S.A.", { name: "João (Financeiro)", email: "x@y.com" }),
    ).toBe("Falei com Titular anonimizado S.A.");
  });

  it("rewrites every string inside audit details", () => {
    expect(redactValue({ email: marta.email, names: ["Marta Quintanilha"], count: 2 }, marta)).toEqual({
      email: "e-mail removido",
      names: ["Titular anonimizado"],
      count: 2,
    });
  });

  it("drops the name's index terms and keeps the rest", () => {
    const terms = ["co0190", ...analyze("Saldo do fluxo de caixa, Marta Quintanilha")].join(" ");
    expect(redactTerms(terms, marta)).toBe(["co0190", ...analyze("Saldo do fluxo de caixa")].join(" "));
    expect(needlesOf(marta)).toEqual([
      "marta quintanilha",
      "marta.quintanilha@distribuidora.com.br",
      "@marta.quintanilha",
    ]);
  });

  it("finds the first name as a capitalized word of its own, accents aside", () => {
    expect(redactFirstName("Olá, Márcia! Oi Marcia, MARCIA e MÁRCIA.", "Márcia")).toBe(
      "Olá, Titular anonimizado! Oi Titular anonimizado, Titular anonimizado e Titular anonimizado.",
    );
    expect(redactFirstName("<p>Bom dia, <strong>Marta</strong>.</p>", "Marta")).toBe(
      "<p>Bom dia, <strong>Titular anonimizado</strong>.</p>",
    );
    // Other words that hold it, handles and addresses, and the word in lower case stay.
    const kept = "Martinha, Martas, CoMarta, @marta, marta.q@x.com, a marta da rosa";
    expect(redactFirstName(kept, "Marta")).toBe(kept);
    expect(redactFirstName("Rosa pediu; a rosa dos ventos", "Rosa")).toBe(
      "Titular anonimizado pediu; a rosa dos ventos",
    );
    expect(redactFirstName("Falei com Ana-Maria hoje", "Ana-Maria")).toBe(
      "Falei com Titular anonimizado hoje",
    );
  });

  it("takes a first name only from names of two words or more, of three letters or more", () => {
    expect(firstNameOf("  Marta   Quintanilha ")).toBe("Marta");
    expect(firstNameOf("Marta")).toBeNull();
    expect(firstNameOf("Li Wei")).toBeNull();
    expect(firstNameOf("(Financeiro) João")).toBeNull();
  });
});
