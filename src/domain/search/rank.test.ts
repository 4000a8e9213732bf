import { describe, expect, it } from "vitest";
import { rankTerms } from "./rank";

const word = (term: string) => ({ terms: [term], prefixes: [] });

describe("rankTerms", () => {
  it("is 0 without any of the words", () => {
    expect(rankTerms("nota fiscal rejeit", [word("estoqu")])).toBe(0);
  });

  it("ranks a ticket with more of the words above one repeating a single word", () => {
    const operands = [word("fluxo"), word("caix"), word("extrat")];
    const both = rankTerms("saldo fluxo caix nao bat extrat banc", operands);
    const repeated = rankTerms("caix caix caix caix fech", operands);
    expect(both).toBeGreaterThan(repeated);
    expect(repeated).toBeGreaterThan(0);
  });

  it("counts repetitions, with diminishing returns", () => {
    const operands = [word("boleto")];
    const once = rankTerms("boleto nao gera", operands);
    const twice = rankTerms("boleto boleto gera", operands);
    const thrice = rankTerms("boleto boleto boleto", operands);
    expect(twice).toBeGreaterThan(once);
    expect(thrice - twice).toBeLessThan(twice - once);
  });

  it("prefers the shorter of two tickets with the same words, gently", () => {
    const operands = [word("icms")];
    const short = rankTerms("icms st calcul", operands);
    const long = rankTerms(`icms st calcul ${"outr ".repeat(300)}`, operands);
    expect(short).toBeGreaterThan(long);
    expect(long / short).toBeGreaterThan(0.75);
  });

  it("counts a word once whether its stem or its typed prefix matched", () => {
    const typed = { terms: ["lancament"], prefixes: ["lancamentos"] };
    expect(rankTerms("lancament", [typed])).toBeCloseTo(rankTerms("lancamentosx", [typed]));
    expect(rankTerms("lanc", [typed])).toBe(0);
  });
});
