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
    ["impressão", "imprime"],
    ["impresso", "imprimir"],
    ["emissão", "emitir"],
    ["exclusão", "excluir"],
    ["inclusao", "incluir"],
    ["rejeição", "rejeitada"],
    ["devolução", "devolver"],
    ["correção", "corrigir"],
    ["transmissao", "transmitir"],
    ["geração", "gerar"],
    ["permissões", "permitir"],
  ])("%s finds %s", (a, b) => sameTerm(a, b));

  it("reads hyphenated acronyms as one word, as people type them", () => {
    expect(analyze("Emissão de NF-e e NFC-e")).toEqual(["emit", "nfe", "nf", "nfce", "nfc"]);
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
    expect(analyze("O que fazer? Já está tudo certo")).toEqual(["faz", "tud", "cert"]);
    expect(analyze("cliente código 100")).toEqual(["client", "codig", "100"]);
  });

  it("parses a query with the last word as a prefix while typing", () => {
    expect(parseQuery("nota fisc")).toEqual([
      { term: "not", prefix: undefined },
      { term: "fisc", prefix: "fisc" },
    ]);
    expect(parseQuery("emissão ")).toEqual([{ term: "emit", prefix: undefined }]);
    expect(parseQuery("a de o")).toEqual([]);
  });

  it.each([
    ["nao", "não"],
    ["NÃO", "nao"],
    ["voce", "você"],
    ["esta", "está"],
    ["ja", "já"],
  ])("treats %s as the stopword %s", (a, b) => {
    expect(termOf(a)).toBeUndefined();
    expect(termOf(b)).toBeUndefined();
  });

  it("ignores case, accents and plurals in whole phrases", () => {
    expect(analyze("NÃO CONSIGO EXCLUIR")).toEqual(analyze("nao consigo excluir"));
    expect(analyze("Emissões de Notas Fiscais")).toEqual(analyze("emissao de nota fiscal"));
    expect(analyze("Relatórios Gerenciais")).toEqual(analyze("relatorio gerencial"));
  });

  it.each([
    ["email", "e-mail"],
    ["emails", "e-mails"],
    ["e-mail", "E-MAIL"],
    ["nfe", "NF-e"],
    ["NFe", "NF-e"],
    ["nfce", "NFC-e"],
    ["cce", "CC-e"],
    ["prevenda", "pré-venda"],
    ["database", "data-base"],
  ])("finds the hyphenated word by its joined spelling: %s ~ %s", (plain, hyphenated) => {
    const [query] = parseQuery(`${plain} `);
    expect(analyze(hyphenated)).toContain(query?.term);
    const [hyphenatedQuery] = parseQuery(`${hyphenated} `);
    expect(hyphenatedQuery?.term).toBe(query?.term);
    expect(analyze(plain)).toContain(hyphenatedQuery?.term);
  });

  it("indexes a hyphenated word's parts too, so a part alone finds it", () => {
    expect(analyze("XML enviado ao e-mail do cliente")).toEqual(["xml", "envi", "email", "mail", "client"]);
    expect(analyze("NF-e")).toContain(termOf("nf"));
    expect(analyze("conta 45120-3")).toEqual(["cont", "451203", "45120", "3"]);
  });

  it("reads a sentence as its meaningful words, once each", () => {
    expect(
      parseQuery("Saldo do fluxo de caixa de novembro não bate com o extrato").map((t) => t.term),
    ).toEqual(["sald", "flux", "caix", "novembr", "bat", "extrat"]);
    expect(parseQuery("nota nota notas ")).toEqual([{ term: "not", prefix: undefined }]);
    expect(parseQuery("não consigo excluir")).toEqual(parseQuery("nao consigo excluir"));
  });

  it("keeps a prefix only from two letters on", () => {
    expect(parseQuery("nota f")).toEqual([
      { term: "not", prefix: undefined },
      { term: "f", prefix: undefined },
    ]);
    expect(parseQuery("nota fi")).toEqual([
      { term: "not", prefix: undefined },
      { term: "fi", prefix: "fi" },
    ]);
  });
});
