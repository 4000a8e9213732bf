import { describe, expect, it } from "vitest";
import { Cnpj, formatCnpj, isValidCnpj, normalizeCnpj, withCheckDigits } from "./cnpj";

describe("CNPJ", () => {
  it.each([
    ["11.222.333/0001-81", true],
    ["11222333000181", true],
    ["11.222.333/0001-82", false], // last check digit off by one
    ["11.222.333/0001-91", false], // first check digit wrong
    ["00.000.000/0000-00", false], // repeated digits pass the arithmetic but are not issued
    ["11111111111111", false],
    ["1122233300018", false], // 13 characters
    ["112223330001811", false],
    ["", false],
    // Alphanumeric CNPJ (Receita Federal, from July 2026): letters count as ASCII code - 48.
    ["12.ABC.345/01DE-35", true],
    ["12ABC34501DE35", true],
    ["12abc34501de35", true],
    ["12.ABC.345/01DE-36", false],
    ["12.ABC.345/01DE-3A", false], // check digits are always numeric
  ])("%s is %s", (input, valid) => {
    expect(isValidCnpj(input)).toBe(valid);
  });

  it("normalizes and formats", () => {
    expect(normalizeCnpj(" 12.abc.345/01de-35 ")).toBe("12ABC34501DE35");
    expect(formatCnpj("11222333000181")).toBe("11.222.333/0001-81");
  });

  it("computes check digits that validate", () => {
    for (const base of ["112223330001", "345678900001", "12ABC34501DE"]) {
      expect(isValidCnpj(withCheckDigits(base))).toBe(true);
    }
    expect(withCheckDigits("112223330001")).toBe("11222333000181");
  });

  it("the contract normalizes valid input and refuses invalid input with an i18n key", () => {
    expect(Cnpj.parse("11.222.333/0001-81")).toBe("11222333000181");
    const result = Cnpj.safeParse("11.222.333/0001-00");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("validation.cnpj");
  });
});
