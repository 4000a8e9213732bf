import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { type Catalog, loginAs, makeCatalog, makeUser } from "../../../../test/support/factories";

describe("the FAQ (categories, answers, deflections)", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customer: string;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    customer = await loginAs(t.app, await makeUser(t.ctx, "customer"));
  });
  afterAll(() => t.close());

  it("lists categories in order with their answer counts", async () => {
    const response = await call(t.app, "GET", "/api/v1/categories", undefined, { cookie: customer });
    expect(response.statusCode).toBe(200);
    expect(
      response.json().items.map((c: { name: string; articleCount: number }) => [c.name, c.articleCount]),
    ).toEqual([
      ["Fiscal", 3],
      ["Financeiro", 1],
    ]);
  });

  it("lists a category's answers in order, rendered as safe HTML", async () => {
    const response = await call(
      t.app,
      "GET",
      `/api/v1/categories/${catalog.categoryId}/articles`,
      undefined,
      { cookie: customer },
    );
    const items = response.json().items;
    expect(items.map((a: { position: number }) => a.position)).toEqual([1, 2, 3]);
    expect(items[0]).toMatchObject({
      question: "Como faço a emissão de NF-e?",
      categoryName: "Fiscal",
      answerHtml:
        "<p>Acesse <strong>Fiscal &gt; Emissão</strong> (tela FIS0001) e clique em <em>Emitir</em>.</p>",
    });
  });

  it.each([
    ["emissao", ["Como faço a emissão de NF-e?"]],
    ["EMISSÃO nfe", ["Como faço a emissão de NF-e?"]],
    ["rejeitada", ["A SEFAZ rejeitou minha nota"]],
    ["consumidor fin", ["Como é calculado o ICMS para consumidor final?"]],
    ["conciliação", []],
  ])("searches a category's answers without caring for accents: %s", async (q, questions) => {
    const response = await call(
      t.app,
      "GET",
      `/api/v1/categories/${catalog.categoryId}/articles`,
      undefined,
      {
        cookie: customer,
        query: { q },
      },
    );
    expect(response.json().items.map((a: { question: string }) => a.question)).toEqual(questions);
  });

  it("suggests answers from every category while a subject is typed", async () => {
    const response = await call(t.app, "GET", "/api/v1/articles", undefined, {
      cookie: customer,
      query: { q: "conciliacao bancaria" },
    });
    expect(
      response
        .json()
        .items.map((a: { question: string; categoryName: string }) => [a.categoryName, a.question]),
    ).toEqual([["Financeiro", "Como fazer a conciliação bancária?"]]);
    const short = await call(t.app, "GET", "/api/v1/articles", undefined, {
      cookie: customer,
      query: { q: "a" },
    });
    expect(short.statusCode).toBe(400);
  });

  it("records “Isso resolveu meu problema” once per user, per answer and category", async () => {
    const articles = await call(
      t.app,
      "GET",
      `/api/v1/categories/${catalog.categoryId}/articles`,
      undefined,
      { cookie: customer },
    );
    const article = articles.json().items[1];
    const first = await call(t.app, "POST", `/api/v1/articles/${article.id}/helpful`, undefined, {
      cookie: customer,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ articleId: article.id, helpfulCount: 1 });
    const again = await call(t.app, "POST", `/api/v1/articles/${article.id}/helpful`, undefined, {
      cookie: customer,
    });
    expect(again.json().helpfulCount).toBe(1);
    const other = await loginAs(t.app, await makeUser(t.ctx, "customer"));
    expect(
      (
        await call(t.app, "POST", `/api/v1/articles/${article.id}/helpful`, undefined, { cookie: other })
      ).json().helpfulCount,
    ).toBe(2);

    const deflections = await t.ctx.db
      .selectFrom("deflection")
      .selectAll()
      .where("article_id", "=", article.id)
      .execute();
    expect(deflections).toHaveLength(2);
    expect(deflections.every((d) => d.category_id === catalog.categoryId && d.company_id !== null)).toBe(
      true,
    );
  });

  it("staff clicks do not count; unknown answers and categories are 404; a session is needed", async () => {
    const agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const articles = await call(
      t.app,
      "GET",
      `/api/v1/categories/${catalog.categoryId}/articles`,
      undefined,
      { cookie: agent },
    );
    expect(articles.statusCode).toBe(200);
    const id = articles.json().items[0].id;
    expect(
      (await call(t.app, "POST", `/api/v1/articles/${id}/helpful`, undefined, { cookie: agent })).statusCode,
    ).toBe(403);
    const missing = "0192f2a0-0000-7000-8000-000000000000";
    expect(
      (await call(t.app, "POST", `/api/v1/articles/${missing}/helpful`, undefined, { cookie: customer }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, "GET", `/api/v1/categories/${missing}/articles`, undefined, { cookie: customer }))
        .statusCode,
    ).toBe(404);
    expect((await call(t.app, "GET", "/api/v1/categories")).statusCode).toBe(401);
  });
});
