// checkNewPassword: the length rule from the contract and the matching copies, in the user's language.
import { describe, expect, it } from "vitest";
import { translator } from "../../i18n";
import { checkNewPassword, hasProblems } from "./new-password";

const t = translator("pt-BR");

describe("checkNewPassword", () => {
  it("accepts a long enough password typed twice", () => {
    expect(hasProblems(checkNewPassword("cafe com pao de queijo", "cafe com pao de queijo", t))).toBe(false);
  });

  it("asks for at least 10 characters", () => {
    expect(checkNewPassword("curta", "curta", t)).toEqual({ password: "Deve ter pelo menos 10 caracteres." });
  });

  it("asks for the same password twice", () => {
    expect(checkNewPassword("uma frase longa", "uma frase longo", t)).toEqual({
      repeat: "As senhas não conferem.",
    });
  });

  it("speaks English when asked", () => {
    expect(checkNewPassword("short", "short", translator("en")).password).toBe(
      "Must be at least 10 characters.",
    );
  });
});
