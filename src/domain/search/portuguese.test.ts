import { describe, expect, it } from "vitest";
import { analyze, parseQuery, termOf } from "./portuguese";

const sameTerm = (a: string, b: string) => expect(termOf(a), `${a} ~ ${b}`).toBe(termOf(b));

describe("Portuguese search terms", () => {
  it.each([
    ["ação", "ações"],
    ["acao", "ação"],
    ["acoes", "ações"],
    ["emissao", "emissão"],
    ["emissões", "emissão"],
    ["funcionar", "funciona"],
    ["funcionou", "funciona"],
    ["nota", "notas"],
    ["fiscal", "fiscais"],
    ["conciliacao", "conciliação"],
    ["faturar", "faturamento"],
    ["imprimir", "imprimiu"],
    ["cálculo", "calculo"],
    ["papel", "papéis"],
    ["Estoque", "estoque"],
    ["bancária", "bancaria"],
    ["relatório", "relatorio"],
    ["rejeição", "rejeicao"],
  ])("%s finds %s", (a, b) => sameTerm(a, b));

  it("reads hyphenated acronyms as one word, as people type them", () => {
    expect(analyze("Emissão de NF-e e NFC-e")).toEqual(["emissa", "nfe", "nfce"]);
    expect(analyze("nfe")).toEqual(["nfe"]);
    expect(parseQuery("NF-e")).toEqual([{ term: "nfe", prefix: "nfe" }]);
  });

  it("keeps different words apart", () => {
    expect(termOf("nota")).not.toBe(termOf("conta"));
    expect(termOf("fiscal")).not.toBe(termOf("financeiro"));
  });

  it("drops stopwords and keeps numbers", () => {
    expect(analyze("Não imprimiu a NF quando cliquei em Faturar!")).toEqual([
      "imprim",
      "nf",
      "quand",
      "cliqu",
      "fatur",
    ]);
    expect(analyze("cliente código 100")).toEqual(["client", "codig", "100"]);
  });

  it("parses a query with the last word as a prefix while typing", () => {
    expect(parseQuery("nota fisc")).toEqual([
      { term: "not", prefix: undefined },
      { term: "fisc", prefix: "fisc" },
    ]);
    expect(parseQuery("emissão ")).toEqual([{ term: "emissa", prefix: undefined }]);
    expect(parseQuery("a de o")).toEqual([]);
  });
});
