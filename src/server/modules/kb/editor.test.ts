// Writing the knowledge base: who may read and write categories and articles, what is refused,
// that answers are sanitized like tickets, that customers only ever read published answers of
// active categories, and that every change is audited with before → after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  makeCatalog,
  makeCompany,
  makeUser,
} from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";

const ROLES = ["admin", "supervisor", "agent", "customer_admin", "customer"] as const;
type Who = (typeof ROLES)[number] | "anonymous";

describe("writing the knowledge base", () => {
  let t: TestApp;
  let catalog: Catalog;
  const cookies: Partial<Record<Who, string>> = {};
  let supervisorId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    for (const role of ["admin", "agent"] as const)
      cookies[role] = await loginAs(t.app, await makeUser(t.ctx, role));
    const supervisor = await makeUser(t.ctx, "supervisor", { name: "Marina Supervisora" });
    supervisorId = supervisor.id;
    cookies.supervisor = await loginAs(t.app, supervisor);
    cookies.customer_admin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    cookies.customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
  });
  afterAll(() => t.close());

  const as = (
    who: Who,
    method: "GET" | "POST" | "PATCH",
    url: string,
    body?: unknown,
    query?: Record<string, string>,
  ) =>
    call(t.app, method, url, body, {
      cookie: who === "anonymous" ? undefined : cookies[who],
      ...(query && { query }),
    });

  const draft = (overrides: Record<string, unknown> = {}) => ({
    categoryId: catalog.categoryId,
    question: "Não consigo cancelar uma NF-e autorizada",
    answer: "Use a tela **FIS0003** dentro de 24 horas da autorização.",
    ...overrides,
  });

  const writeAs = async (who: Who, body: unknown) => {
    const response = await as(who, "POST", "/api/v1/articles", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it("lets supervisors and admins write; agents 403; customers 404; nobody signed in 401", async () => {
    const expected: Record<Who, number> = {
      admin: 201,
      supervisor: 201,
      agent: 403,
      customer_admin: 404,
      customer: 404,
      anonymous: 401,
    };
    for (const [who, status] of Object.entries(expected) as [Who, number][]) {
      const article = await as(
        who,
        "POST",
        "/api/v1/articles",
        draft({ question: `Pergunta escrita por ${who}` }),
      );
      expect(article.statusCode, who).toBe(status);
      const category = await as(who, "POST", "/api/v1/categories", { name: `Estoque ${who}` });
      expect(category.statusCode, who).toBe(status);
    }
    const seeded = (
      await as("admin", "GET", "/api/v1/kb/articles", undefined, { categoryId: catalog.categoryId })
    ).json().items[0].id;
    for (const [who, status] of Object.entries({ ...expected, admin: 200, supervisor: 200 }) as [
      Who,
      number,
    ][]) {
      expect((await as(who, "PATCH", `/api/v1/articles/${seeded}`, { order: 1 })).statusCode, who).toBe(
        status,
      );
      expect(
        (await as(who, "PATCH", `/api/v1/categories/${catalog.categoryId}`, { order: 1 })).statusCode,
        who,
      ).toBe(status);
    }
  });

  it("shows every state to the team (agents read), nothing of it to customers", async () => {
    const article = await writeAs("supervisor", draft({ question: "Rascunho que só a equipe vê" }));
    const read: Record<Who, number> = {
      admin: 200,
      supervisor: 200,
      agent: 200,
      customer_admin: 404,
      customer: 404,
      anonymous: 401,
    };
    for (const [who, status] of Object.entries(read) as [Who, number][]) {
      expect((await as(who, "GET", "/api/v1/kb/categories")).statusCode, who).toBe(status);
      expect((await as(who, "GET", "/api/v1/kb/articles")).statusCode, who).toBe(status);
      expect((await as(who, "GET", `/api/v1/kb/articles/${article.id}`)).statusCode, who).toBe(status);
      expect((await as(who, "GET", `/api/v1/kb/articles/${article.id}/stats`)).statusCode, who).toBe(status);
      expect((await as(who, "GET", "/api/v1/kb/unanswered-searches")).statusCode, who).toBe(status);
    }
  });

  it("keeps drafts and archived answers, and inactive categories, from customers everywhere", async () => {
    const question = "Como transmitir o SPED Fiscal mensal";
    const article = await writeAs(
      "supervisor",
      draft({ question, answer: "Gere o arquivo na tela FIS0009." }),
    );
    expect(article).toMatchObject({
      state: "draft",
      updatedBy: { id: supervisorId, name: "Marina Supervisora" },
    });

    const customerSees = async () => {
      const list = await as("customer", "GET", `/api/v1/categories/${catalog.categoryId}/articles`);
      const search = await as("customer", "GET", "/api/v1/articles", undefined, { q: "sped fiscal" });
      const inCategory = await as(
        "customer",
        "GET",
        `/api/v1/categories/${catalog.categoryId}/articles`,
        undefined,
        {
          q: "sped",
        },
      );
      const categories = await as("customer", "GET", "/api/v1/categories");
      const fiscal = categories.json().items.find((c: { id: string }) => c.id === catalog.categoryId);
      return {
        listed: list.json().items.some((a: { id: string }) => a.id === article.id),
        suggested: search.json().items.some((a: { id: string }) => a.id === article.id),
        found: inCategory.json().items.some((a: { id: string }) => a.id === article.id),
        count: fiscal?.articleCount ?? null,
        helpful: (await as("customer", "POST", `/api/v1/articles/${article.id}/helpful`)).statusCode,
      };
    };

    expect(await customerSees()).toEqual({
      listed: false,
      suggested: false,
      found: false,
      count: 3,
      helpful: 404,
    });

    const published = await as("supervisor", "PATCH", `/api/v1/articles/${article.id}`, {
      state: "published",
    });
    expect(published.json().state).toBe("published");
    expect(await customerSees()).toEqual({
      listed: true,
      suggested: true,
      found: true,
      count: 4,
      helpful: 200,
    });

    await as("supervisor", "PATCH", `/api/v1/categories/${catalog.categoryId}`, { active: false });
    const hidden = await as("customer", "GET", `/api/v1/categories/${catalog.categoryId}/articles`);
    expect(hidden.statusCode).toBe(404);
    expect(
      (await as("customer", "GET", "/api/v1/articles", undefined, { q: "sped fiscal" })).json().items,
    ).toEqual([]);
    await as("supervisor", "PATCH", `/api/v1/categories/${catalog.categoryId}`, { active: true });

    await as("supervisor", "PATCH", `/api/v1/articles/${article.id}`, { state: "archived" });
    const archived = await customerSees();
    expect(archived).toMatchObject({ listed: false, suggested: false, found: false, count: 3 });

    const staff = await as("agent", "GET", "/api/v1/kb/articles", undefined, {
      categoryId: catalog.categoryId,
      state: "archived",
    });
    expect(staff.json().items.map((a: { question: string }) => a.question)).toEqual([question]);
  });

  it("renders answers with the tickets' sanitizer: raw HTML shown as text, javascript: links dropped", async () => {
    const answer = [
      'Veja <script>alert("x")</script> e <img src=x onerror=alert(1)>.',
      "[clique aqui](javascript:alert(1)) ou [o manual](https://uno.com.br/manual).",
    ].join("\n\n");
    const article = await writeAs("admin", draft({ question: "Resposta com HTML perigoso", answer }));
    expect(article.answer).toBe(answer);
    // Tags appear only escaped, as text; the javascript: link keeps its text and loses its target.
    expect(article.answerHtml).not.toMatch(/<script|<img|javascript:/i);
    expect(article.answerHtml).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(article.answerHtml).toContain(
      '<a rel="noopener noreferrer nofollow" target="_blank">clique aqui</a>',
    );
    expect(article.answerHtml).toContain("&lt;script&gt;");
    expect(article.answerHtml).toContain(
      '<a href="https://uno.com.br/manual" rel="noopener noreferrer nofollow" target="_blank">o manual</a>',
    );
    const preview = await as("agent", "POST", "/api/v1/markdown/preview", { markdown: answer });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().html).toBe(article.answerHtml);
    const edited = await as("supervisor", "PATCH", `/api/v1/articles/${article.id}`, {
      answer: "<b>negrito?</b> [x](JaVaScRiPt:alert(1))",
      state: "published",
    });
    expect(edited.json().answerHtml).not.toMatch(/<b>|javascript:/i);
    const customerView = await as("customer", "GET", `/api/v1/categories/${catalog.categoryId}/articles`);
    const seen = customerView.json().items.find((a: { id: string }) => a.id === article.id);
    expect(seen.answerHtml).toBe(edited.json().answerHtml);
    expect((await as("anonymous", "POST", "/api/v1/markdown/preview", { markdown: "x" })).statusCode).toBe(
      401,
    );
  });

  it("refuses bad input field by field, with pt-BR messages", async () => {
    const missing = await as("supervisor", "POST", "/api/v1/articles", { question: "Oi" });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(["answer", "categoryId", "question"]);
    const unknown = await as(
      "supervisor",
      "POST",
      "/api/v1/articles",
      draft({ categoryId: "0192f2a0-0000-7000-8000-000000000000" }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ categoryId: "Categoria não encontrada." });
    const state = await as("supervisor", "POST", "/api/v1/articles", draft({ state: "deleted", order: 0 }));
    expect(Object.keys(state.json().error.fields).sort()).toEqual(["order", "state"]);
    const category = await as("supervisor", "POST", "/api/v1/categories", { name: "", extra: 1 });
    expect(category.statusCode).toBe(400);
    expect(Object.keys(category.json().error.fields).sort()).toEqual(["extra", "name"]);
    const missingArticle = await as(
      "supervisor",
      "PATCH",
      "/api/v1/articles/0192f2a0-0000-7000-8000-000000000000",
      {
        order: 2,
      },
    );
    expect(missingArticle.statusCode).toBe(404);
    const missingCategory = await as(
      "supervisor",
      "PATCH",
      "/api/v1/categories/0192f2a0-0000-7000-8000-000000000000",
      { active: false },
    );
    expect(missingCategory.statusCode).toBe(404);
    const badPeriod = await as("agent", "GET", "/api/v1/kb/unanswered-searches", undefined, {
      from: "2026-04-10",
      to: "2026-04-01",
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.fields.to).toBe("A data final deve ser igual ou posterior à inicial.");
  });

  it("audits each change with before → after, and records the last editor and date", async () => {
    const created = await as("supervisor", "POST", "/api/v1/categories", {
      name: "Compras",
      description: "Pedidos e cotações.",
      order: 7,
    });
    expect(created.json()).toMatchObject({ name: "Compras", order: 7, active: true, articleCount: 0 });
    const categoryId = created.json().id;
    await as("admin", "PATCH", `/api/v1/categories/${categoryId}`, {
      name: "Compras e cotações",
      active: false,
    });
    const categoryAudit = await listAuditFor(t.ctx.db, "category", categoryId);
    expect(categoryAudit.map((entry) => [entry.action, entry.details.changes])).toEqual([
      [
        "category.create",
        {
          name: { before: null, after: "Compras" },
          description: { before: null, after: "Pedidos e cotações." },
          order: { before: null, after: 7 },
          active: { before: null, after: true },
        },
      ],
      [
        "category.update",
        { name: { before: "Compras", after: "Compras e cotações" }, active: { before: true, after: false } },
      ],
    ]);
    // A category's save from a form opened before someone else's is refused, not applied over it.
    t.clock.advance(60_000);
    const described = await as("admin", "PATCH", `/api/v1/categories/${categoryId}`, {
      description: "Pedidos, cotações e compras.",
      updatedAt: created.json().updatedAt,
    });
    expect(described.statusCode, described.body).toBe(200);
    const staleCategory = await as("supervisor", "PATCH", `/api/v1/categories/${categoryId}`, {
      name: "Compras antigas",
      updatedAt: created.json().updatedAt,
    });
    expect(staleCategory.statusCode).toBe(409);
    expect(staleCategory.json().error).toMatchObject({
      code: "category.stale",
      message:
        "Outra pessoa salvou esta categoria enquanto você a editava. Feche, abra de novo e refaça a alteração.",
    });
    const afterStale = await listAuditFor(t.ctx.db, "category", categoryId);
    expect(afterStale.map((entry) => entry.action)).toEqual([
      "category.create",
      "category.update",
      "category.update",
    ]);

    const article = await writeAs("supervisor", draft({ categoryId, question: "Como aprovar uma cotação?" }));
    t.clock.advance(60_000);
    const published = await as("admin", "PATCH", `/api/v1/articles/${article.id}`, {
      state: "published",
      order: 3,
    });
    expect(published.json().updatedAt).toBe(new Date(t.clock.now()).toISOString());
    expect(published.json().updatedBy.id).not.toBe(supervisorId);
    // A save from an editor opened before that change is refused, not applied over it.
    const stale = await as("supervisor", "PATCH", `/api/v1/articles/${article.id}`, {
      answer: "Texto antigo",
      updatedAt: article.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("article.stale");
    const unchanged = await as("admin", "PATCH", `/api/v1/articles/${article.id}`, {
      state: "published",
      updatedAt: published.json().updatedAt,
    });
    expect(unchanged.statusCode).toBe(200);
    const articleAudit = await listAuditFor(t.ctx.db, "article", article.id);
    expect(articleAudit.map((entry) => entry.action)).toEqual(["article.create", "article.update"]);
    expect(articleAudit[1]?.details.changes).toEqual({
      state: { before: "draft", after: "published" },
      order: { before: 1, after: 3 },
    });
    expect(articleAudit[0]?.actor_id).toBe(supervisorId);
  });

  it("keeps the search index in step: new words, a new category name, a move between categories", async () => {
    const article = await writeAs(
      "supervisor",
      draft({ question: "Como lançar devolução de compra", state: "published" }),
    );
    const find = async (q: string) =>
      (await as("customer", "GET", "/api/v1/articles", undefined, { q }))
        .json()
        .items.map((a: { id: string }) => a.id);
    expect(await find("devolucao compra")).toContain(article.id);
    await as("supervisor", "PATCH", `/api/v1/articles/${article.id}`, {
      question: "Como registrar o retorno de mercadoria",
    });
    expect(await find("devolucao compra")).not.toContain(article.id);
    expect(await find("retorno mercadoria")).toContain(article.id);
    await as("supervisor", "PATCH", `/api/v1/categories/${catalog.otherCategoryId}`, { name: "Tesouraria" });
    await as("supervisor", "PATCH", `/api/v1/articles/${article.id}`, {
      categoryId: catalog.otherCategoryId,
    });
    expect(await find("tesouraria retorno")).toContain(article.id);
    const moved = await as("customer", "GET", `/api/v1/categories/${catalog.otherCategoryId}/articles`);
    expect(
      moved.json().items.map((a: { id: string; categoryName: string }) => [a.id, a.categoryName]),
    ).toContainEqual([article.id, "Tesouraria"]);
  });

  it("pages the team's list in order with a keyset cursor", async () => {
    const first = await as("agent", "GET", "/api/v1/kb/articles", undefined, {
      categoryId: catalog.categoryId,
      limit: "2",
    });
    expect(first.json().items).toHaveLength(2);
    const rest = await as("agent", "GET", "/api/v1/kb/articles", undefined, {
      categoryId: catalog.categoryId,
      limit: "100",
      cursor: first.json().nextCursor,
    });
    const all = await as("agent", "GET", "/api/v1/kb/articles", undefined, {
      categoryId: catalog.categoryId,
      limit: "100",
    });
    expect([...first.json().items, ...rest.json().items].map((a: { id: string }) => a.id)).toEqual(
      all.json().items.map((a: { id: string }) => a.id),
    );
    const orders = all.json().items.map((a: { order: number }) => a.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(rest.json().nextCursor).toBeNull();
    const bad = await as("agent", "GET", "/api/v1/kb/articles", undefined, { cursor: "nonsense" });
    expect(bad.statusCode).toBe(400);
  });
});
