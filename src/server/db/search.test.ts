import { describe, expect, it } from "vitest";
import { parseQuery } from "../../domain/search/portuguese";
import { matchText } from "./search";

const company = "0196b5f0-0000-7000-8000-00000000000a";
const co = "co0196b5f000007000800000000000000a";

describe("full-text query text", () => {
  it("matches any term, the last also as a prefix, on both dialects", () => {
    const terms = parseQuery("nota fiscal rejeit");
    expect(matchText("sqlite", terms)).toBe('"not" OR "fiscal" OR ("rejeit" OR "rejeit"*)');
    expect(matchText("postgres", terms)).toBe("not | fiscal | (rejeit | rejeit:*)");
  });

  it("requires the company's own term within one company", () => {
    const terms = parseQuery("boleto ");
    expect(matchText("sqlite", terms, { companyId: company })).toBe(`"${co}" AND ("bolet")`);
    expect(matchText("postgres", terms, { companyId: company })).toBe(`${co} & (bolet)`);
  });

  it("wants most of the words for a filter: all of one or two, half of more", () => {
    expect(matchText("postgres", parseQuery("email contato "), { mode: "most" })).toBe("email & contat");
    expect(matchText("postgres", parseQuery("fluxo caixa bate extrato "), { mode: "most" })).toBe(
      "(flux & caix) | (flux & bat) | (flux & extrat) | (caix & bat) | (caix & extrat) | (bat & extrat)",
    );
    expect(matchText("sqlite", parseQuery("fluxo caixa extrato "), { mode: "most" })).toBe(
      '("flux" AND "caix") OR ("flux" AND "extrat") OR ("caix" AND "extrat")',
    );
  });

  it("decides a long sentence on its first eight words", () => {
    const sentence = "saldo fluxo caixa novembro bate extrato banco itau conta corrente ";
    const text = matchText("postgres", parseQuery(sentence), { mode: "most" });
    expect(text).not.toContain("cont");
    expect(text.split(" | ")).toHaveLength(70);
  });
});
