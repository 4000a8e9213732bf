// Search quality, table-driven, through the real routes on the database under test (SQLite, or
// PostgreSQL with EXTRANET_TEST_DB=postgres): realistic pt-BR queries as customers and agents type
// them — without accents, with or without hyphens, in the plural, as whole sentences, half-typed —
// and the FAQ answer or ticket each must find first. The FAQ is the demo seed's; the tickets are
// the demo tickets' texts, all opened in one company.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory } from "../../src/server/modules/kb/service";
import { upsertScreens } from "../../src/server/modules/screens/service";
import { demoCategories } from "../../src/server/seed/content/faq";
import { demoScreens } from "../../src/server/seed/content/screens";
import { demoTickets } from "../../src/server/seed/content/tickets";
import { buildTestApp, call, type TestApp } from "../support/app";
import { loginAs, makeCompany, makeTicket, makeUser } from "../support/factories";

/** Query → the FAQ question it must find first (suggestions beside the form, /api/v1/articles). */
const ARTICLE_QUERIES: [string, string][] = [
  // The reports.
  ["nao consigo excluir", "Por que não consigo excluir um cliente ou produto?"],
  ["não consigo excluir", "Por que não consigo excluir um cliente ou produto?"],
  ["NAO CONSIGO EXCLUIR O CLIENTE", "Por que não consigo excluir um cliente ou produto?"],
  [
    "Saldo do fluxo de caixa de novembro não bate com o extrato",
    "Quais lançamentos aparecem no fluxo de caixa?",
  ],
  [
    "email do contato que recebe o xml",
    "Como cadastrar os contatos de um cliente que recebem o XML e o boleto?",
  ],
  [
    "e-mail do contato que recebe o XML",
    "Como cadastrar os contatos de um cliente que recebem o XML e o boleto?",
  ],
  ["emissao de nfe sem pedido", "Como faço a emissão de nota fiscal eletrônica (NF-e) sem pedido de venda?"],
  ["Emissão de NF-e sem pedido", "Como faço a emissão de nota fiscal eletrônica (NF-e) sem pedido de venda?"],
  // Without accents, in capitals, in the plural.
  ["conciliacao bancaria", "Como fazer a conciliação bancária?"],
  ["CONCILIAÇÕES BANCÁRIAS", "Como fazer a conciliação bancária?"],
  ["calculo do icms consumidor final", "Como é calculado o ICMS para consumidor final?"],
  ["devolucoes de vendas", "Como registrar a devolução de uma venda?"],
  [
    "acoes promocionais preco especial",
    "Como cadastrar uma ação promocional com preço especial por período?",
  ],
  ["cfop venda outro estado", "Qual CFOP devo usar na venda para fora do estado?"],
  ["carta de correcao cce", "Como cancelar uma NF-e ou corrigir um dado com Carta de Correção (CC-e)?"],
  ["cancelar nfe", "Como cancelar uma NF-e ou corrigir um dado com Carta de Correção (CC-e)?"],
  ["sefaz fora do ar contingencia", "A SEFAZ está fora do ar. Como emitir NF-e e NFC-e em contingência?"],
  ["rejeicao da sefaz na nota", "A SEFAZ retornou rejeição na NF-e. O que fazer?"],
  // Sentences, as questions are typed in the new-ticket form.
  [
    "A nota foi rejeitada pela SEFAZ com duplicidade, o que eu faço?",
    "A SEFAZ retornou rejeição na NF-e. O que fazer?",
  ],
  ["cliquei em faturar e a nota não imprimiu", "Não imprimiu a NF quando cliquei em Faturar!"],
  ["o pedido do cliente não aparece para faturar", "Por que meu pedido não aparece na tela de faturamento?"],
  ["faturar parcial do pedido de venda", "Como faturar parcialmente um pedido de venda?"],
  ["esqueci a senha do ERP e não consigo entrar", "Esqueci minha senha do UNO ERP. Como faço para entrar?"],
  ["meu usuario esta bloqueado", "Meu login não funciona e aparece “Usuário bloqueado”. O que fazer?"],
  ["aparece acesso negado quando abro a tela", "Aparece “Acesso negado” ao abrir uma tela. O que fazer?"],
  ["o boleto não imprime", "A impressão do boleto não funciona. O que verificar?"],
  [
    "como gerar remessa cnab dos boletos",
    "Como gerar a remessa de boletos (CNAB) e processar o retorno do banco?",
  ],
  ["baixa de titulo pago com juros", "Como dar baixa em um título pago com juros ou desconto?"],
  ["inventario de estoque", "Como fazer o inventário do estoque?"],
  ["exportar relatorio para excel", "Como exportar um relatório para Excel ou PDF?"],
  ["curva abc", "Como gerar a curva ABC de produtos?"],
  [
    "relatorio de titulos em aberto nao bate com contas a receber",
    "O relatório de títulos em aberto não bate com o Contas a Receber. Por quê?",
  ],
  ["ncm no cadastro do produto", "Como informar o NCM e a tributação no cadastro de produtos?"],
  ["cadastrar fornecedor", "Como cadastrar um fornecedor?"],
  ["criar usuario novo no erp", "Como criar um novo usuário no UNO ERP?"],
  // Half-typed: the last word is a prefix.
  ["conciliação banc", "Como fazer a conciliação bancária?"],
  ["curva ab", "Como gerar a curva ABC de produtos?"],
  [
    "liberar permissão de excluir no perf",
    "Como liberar ações específicas (incluir, alterar, excluir) para um perfil de acesso?",
  ],
];

/** Query → the subject of the ticket it must find first (the customer's list, /api/v1/tickets). */
const TICKET_QUERIES: [string, string][] = [
  ["email do contato", "E-mail do contato não foi gravado"],
  ["E-MAILS DOS CONTATOS NÃO GRAVADOS", "E-mail do contato não foi gravado"],
  ["nao imprimiu a nf", "Não imprimiu a NF quando cliquei em Faturar!"],
  ["nfe cancelar quantidade errada", "Não consigo cancelar NF-e emitida com quantidade errada"],
  [
    "Saldo do fluxo de caixa de novembro não bate com o extrato",
    "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
  ],
  ["icms st nao calculado", "ICMS-ST não calculado em venda para MG"],
  ["icms-st", "ICMS-ST não calculado em venda para MG"],
  ["lotes vencidos disponiveis", "Lote vencido continua disponível para venda"],
  ["o xml do fornecedor não está importando", "XML do fornecedor não importa na entrada"],
  ["boleto do titulo 10233-1", "Boleto do título 10233-1 não é gerado"],
  ["difal consumidor final", "DIFAL não calculado em venda a consumidor final do PR"],
  ["retorno do banco nao baixou", "Retorno do banco não baixou os boletos"],
  ["conciliacao ofx", "Conciliação bancária não reconhece o extrato OFX"],
  ["posicao do estoque diferente do kardex", "Posição de estoque diferente do Kardex"],
  ["inventario processado", "Inventário processado não ajustou o estoque"],
  ["pedido bloqueado por credito", "Pedido bloqueado por crédito com limite disponível"],
  ["ncm inexist", "Todas as NF-e rejeitadas: NCM inexistente"],
];

type Named = { question?: string; subject?: string; number?: number };

describe("search quality: realistic pt-BR queries find the right answer first", () => {
  let t: TestApp;
  let customer: string;
  let agent: string;
  let companyId: string;
  const subjects = new Map<number, string>();

  beforeAll(async () => {
    t = await buildTestApp();
    for (const [index, category] of demoCategories.entries())
      await createCategory(t.ctx, index + 1, category);
    await upsertScreens(t.ctx, demoScreens);
    const categories = await t.ctx.db.selectFrom("category").select(["id", "name"]).execute();
    const categoryId = (name: string) => categories.find((c) => c.name === name)?.id ?? "";
    const company = await makeCompany(t.ctx);
    companyId = company.id;
    const requester = await makeUser(t.ctx, "customer", { company });
    customer = await loginAs(t.app, requester);
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    for (const demo of demoTickets) {
      const number = await makeTicket(
        t.ctx,
        { categoryId: categoryId(demo.category), otherCategoryId: "", screenCode: demo.screenCode },
        requester,
        {
          categoryId: categoryId(demo.category),
          subject: demo.subject,
          description: demo.description,
          exampleRecord: demo.exampleRecord,
          screenCode: demo.screenCode,
        },
      );
      subjects.set(number, demo.subject);
      t.clock.advance(60_000);
    }
    // Another company's ticket with the very words searched: never listed to this customer.
    const other = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    await makeTicket(
      t.ctx,
      { categoryId: categoryId("Cadastros"), otherCategoryId: "", screenCode: "ATW0001" },
      other,
      {
        categoryId: categoryId("Cadastros"),
        subject: "E-mail do contato não foi gravado, e-mail do contato",
        description: "E-mail do contato. Email do contato.",
      },
    );
  });
  afterAll(() => t.close());

  it(`has a table of at least 30 queries (${ARTICLE_QUERIES.length + TICKET_QUERIES.length})`, () => {
    expect(ARTICLE_QUERIES.length + TICKET_QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ARTICLE_QUERIES)("FAQ: “%s” finds “%s” first", async (q, question) => {
    const response = await call(t.app, "GET", "/api/v1/articles", undefined, {
      cookie: customer,
      query: { q, limit: "5" },
    });
    expect(response.statusCode).toBe(200);
    const found: Named[] = response.json().items;
    expect(found[0]?.question, found.map((a) => a.question).join(" | ")).toBe(question);
  });

  it.each(TICKET_QUERIES)("tickets: “%s” finds “%s” first", async (q, subject) => {
    const response = await call(t.app, "GET", "/api/v1/tickets", undefined, {
      cookie: customer,
      query: { q, limit: "5" },
    });
    expect(response.statusCode).toBe(200);
    const found: Named[] = response.json().items;
    expect(found[0]?.subject, found.map((i) => i.subject).join(" | ")).toBe(subject);
    expect(found.every((i) => i.number !== undefined && subjects.has(i.number))).toBe(true);
  });

  it.each([
    ["", {}],
    [" under a status filter", { status: "open" }],
  ])(
    "pages a ranked ticket list%s by (score, number): every match once, in one page's order",
    async (_name, filter: Record<string, string>) => {
      const list = (query: Record<string, string>) =>
        call(t.app, "GET", "/api/v1/tickets", undefined, {
          cookie: customer,
          query: { ...filter, ...query },
        });
      const whole = (await list({ q: "estoque venda nota pedido", limit: "50" })).json();
      expect(whole.items.length).toBeGreaterThan(4);
      const paged: number[] = [];
      let cursor: string | null = null;
      do {
        const response = await list({
          q: "estoque venda nota pedido",
          limit: "2",
          ...(cursor ? { cursor } : {}),
        });
        expect(response.statusCode).toBe(200);
        paged.push(...response.json().items.map((i: Named) => i.number));
        cursor = response.json().nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole.items.map((i: Named) => i.number));
    },
  );

  it("refuses a cursor of the other order", async () => {
    const list = (query: Record<string, string>) =>
      call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: customer, query });
    // A ranked cursor means nothing to the list in date order, and the other way round.
    const ranked = (await list({ q: "estoque", limit: "1" })).json().nextCursor;
    const dated = (await list({ limit: "1" })).json().nextCursor;
    expect((await list({ cursor: ranked })).statusCode).toBe(400);
    expect((await list({ q: "estoque", cursor: dated })).statusCode).toBe(400);
  });

  /** The console's queue keeps the agent's order; its text filter wants most of the words. */
  const queue = async (q: string, extra: Record<string, string> = {}) => {
    const response = await call(t.app, "GET", "/api/v1/console/queue", undefined, {
      cookie: agent,
      query: { q, limit: "50", ...extra },
    });
    expect(response.statusCode).toBe(200);
    return response.json().items.map((i: Named) => i.subject) as string[];
  };

  it.each([
    [
      "Saldo do fluxo de caixa de novembro não bate com o extrato",
      "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
    ],
    ["email do contato", "E-mail do contato não foi gravado"],
    ["NFE CANCELAR", "Não consigo cancelar NF-e emitida com quantidade errada"],
    ["nao imprimiu a nf", "Não imprimiu a NF quando cliquei em Faturar!"],
    ["xml fornecedor nao importa", "XML do fornecedor não importa na entrada"],
  ])("queue: “%s” lists “%s”", async (q, subject) => {
    expect(await queue(q, { companyId })).toContain(subject);
  });

  it("queue: a sentence lists only tickets with most of its words, in the queue's own order", async () => {
    const found = await queue("Saldo do fluxo de caixa de novembro não bate com o extrato");
    expect(found).toEqual(["Meu fluxo de caixa não bate com minha conta corrente, por quê?"]);
    // Both companies' tickets about the contact's e-mail, by due date as the queue sorts.
    expect(await queue("email contato")).toHaveLength(2);
    expect(await queue("email contato", { companyId })).toEqual(["E-mail do contato não foi gravado"]);
  });

  it.each(["日本語 ", "straße", "---", "ŋ ø", "a de o"])(
    "a query with nothing the index holds (“%s”) finds nothing, never fails",
    async (q) => {
      for (const path of ["/api/v1/articles", "/api/v1/tickets", "/api/v1/console/queue"]) {
        const response = await call(t.app, "GET", path, undefined, {
          cookie: path.includes("console") ? agent : customer,
          query: { q },
        });
        expect(response.statusCode, path).toBe(200);
      }
      const categories = await t.ctx.db.selectFrom("category").select("id").execute();
      const inCategory = await call(
        t.app,
        "GET",
        `/api/v1/categories/${categories[0]?.id}/articles`,
        undefined,
        {
          cookie: customer,
          query: { q },
        },
      );
      expect(inCategory.statusCode).toBe(200);
    },
  );
});
