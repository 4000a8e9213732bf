// Measuring the knowledge base: views recorded when customers open an answer, the deflection rate
// (readers who did not open a ticket in its category afterwards), and "Buscas sem resposta" — the
// customers' searches that found nothing, once per search however it was typed, most frequent first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";

const MINUTE = 60_000;

describe("measuring the knowledge base", () => {
  let t: TestApp;
  let catalog: Catalog;
  let staff: Record<"admin" | "supervisor" | "agent", string>;
  const customers: { user: MadeUser; cookie: string }[] = [];
  let articleId: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { SESSION_IDLE_MINUTES: "10080", SESSION_ABSOLUTE_HOURS: "720" } });
    catalog = await makeCatalog(t.ctx);
    staff = {
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin")),
      supervisor: await loginAs(t.app, await makeUser(t.ctx, "supervisor")),
      agent: await loginAs(t.app, await makeUser(t.ctx, "agent")),
    };
    const company = await makeCompany(t.ctx);
    for (const role of ["customer", "customer", "customer", "customer_admin"] as const) {
      const user = await makeUser(t.ctx, role, { company });
      customers.push({ user, cookie: await loginAs(t.app, user) });
    }
    const list = await call(t.app, "GET", `/api/v1/categories/${catalog.categoryId}/articles`, undefined, {
      cookie: customers[0]?.cookie,
    });
    articleId = list.json().items[0].id;
  });
  afterAll(() => t.close());

  const customer = (index: number) => {
    const found = customers[index];
    if (!found) throw new Error(`no customer ${index}`);
    return found;
  };
  const view = (cookie: string | undefined, id = articleId) =>
    call(t.app, "POST", `/api/v1/articles/${id}/views`, undefined, { cookie });
  const stats = async (id = articleId) => {
    const response = await call(t.app, "GET", `/api/v1/kb/articles/${id}/stats`, undefined, {
      cookie: staff.agent,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("counts customers' views; staff views are refused; only published answers can be viewed", async () => {
    expect((await view(customer(0).cookie)).json()).toEqual({ articleId, views: 1 });
    expect((await view(customer(0).cookie)).json()).toEqual({ articleId, views: 2 });
    expect((await view(customer(3).cookie)).json().views).toBe(3);
    for (const cookie of Object.values(staff)) expect((await view(cookie)).statusCode).toBe(403);
    expect((await view(undefined)).statusCode).toBe(401);
    const draft = await call(
      t.app,
      "POST",
      "/api/v1/articles",
      { categoryId: catalog.categoryId, question: "Rascunho ainda não publicado", answer: "Em breve." },
      { cookie: staff.supervisor },
    );
    expect((await view(customer(0).cookie, draft.json().id)).statusCode).toBe(404);
    // An answer of an inactive category is hidden with it.
    const hidden = await call(
      t.app,
      "POST",
      "/api/v1/categories",
      { name: "Categoria desativada", active: false },
      { cookie: staff.admin },
    );
    const inHidden = await call(
      t.app,
      "POST",
      "/api/v1/articles",
      {
        categoryId: hidden.json().id,
        question: "Resposta publicada, categoria inativa",
        answer: "…",
        state: "published",
      },
      { cookie: staff.admin },
    );
    expect((await view(customer(0).cookie, inHidden.json().id)).statusCode).toBe(404);
    const helpful = await call(t.app, "POST", `/api/v1/articles/${inHidden.json().id}/helpful`, undefined, {
      cookie: customer(0).cookie,
    });
    expect(helpful.statusCode).toBe(404);
    expect((await view(customer(0).cookie, "0192f2a0-0000-7000-8000-000000000000")).statusCode).toBe(404);
  });

  it("computes the deflection rate from tickets its readers opened in its category after reading", async () => {
    // Reader 0 opens a ticket in the category after reading; reader 3 opens one in another category;
    // customer 1 opened one in the category before ever reading, then reads (still deflected);
    // customer 2 never reads and opens one (not a reader).
    await makeTicket(t.ctx, catalog, customer(1).user);
    t.clock.advance(MINUTE);
    await view(customer(1).cookie);
    t.clock.advance(MINUTE);
    await makeTicket(t.ctx, catalog, customer(0).user);
    await makeTicket(t.ctx, catalog, customer(0).user);
    await makeTicket(t.ctx, catalog, customer(3).user, { categoryId: catalog.otherCategoryId });
    await makeTicket(t.ctx, catalog, customer(2).user);
    await call(t.app, "POST", `/api/v1/articles/${articleId}/helpful`, undefined, {
      cookie: customer(3).cookie,
    });

    expect(await stats()).toEqual({
      articleId,
      views: 4,
      readers: 3,
      helpful: 1,
      readersWhoOpenedTicket: 1,
      ticketsAfterReading: 2,
      deflectionRate: 2 / 3,
    });
    const listed = await call(t.app, "GET", "/api/v1/kb/articles", undefined, {
      cookie: staff.agent,
      query: { categoryId: catalog.categoryId },
    });
    const measures = listed.json().items.map((a: { id: string; measures: unknown }) => [a.id, a.measures]);
    expect(measures[0]).toEqual([
      articleId,
      { views: 4, readers: 3, helpful: 1, readersWhoOpenedTicket: 1, deflectionRate: 2 / 3 },
    ]);
    expect(measures[1][1]).toEqual({
      views: 0,
      readers: 0,
      helpful: 0,
      readersWhoOpenedTicket: 0,
      deflectionRate: null,
    });
  });

  describe("“Buscas sem resposta”", () => {
    const faq = (cookie: string, q: string) =>
      call(t.app, "GET", `/api/v1/categories/${catalog.categoryId}/articles`, undefined, {
        cookie,
        query: { q },
      });
    const suggest = (cookie: string, q: string) =>
      call(t.app, "GET", "/api/v1/articles", undefined, { cookie, query: { q } });
    const unanswered = async (query: Record<string, string> = {}) => {
      const response = await call(t.app, "GET", "/api/v1/kb/unanswered-searches", undefined, {
        cookie: staff.supervisor,
        query,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };

    it("logs customers' searches that found nothing, once per search as it was typed, most frequent first", async () => {
      t.clock.set("2026-04-23T13:00:00Z");
      const [a, b, c] = [customer(0).cookie, customer(1).cookie, customer(2).cookie];
      // Typing with pauses: each longer query within a minute replaces the previous one.
      for (const q of ["boleto", "boleto venc", "Boleto vencido"]) {
        expect((await suggest(a, q)).json().items).toEqual([]);
        t.clock.advance(2_000);
      }
      await suggest(a, "boleto vencido"); // the same again within the minute: not counted twice
      await faq(b, "BOLETO VENCIDO!");
      await faq(c, "  boleto   vencido ");
      await faq(c, "Certificado A1 expirou");
      await faq(b, "certificado a1 expirou");
      await suggest(b, "xml de cancelamento");
      // Staff searches, answered searches and too-short ones are not logged.
      await faq(staff.agent, "senha do certificado");
      expect((await faq(a, "emissão")).json().items).not.toEqual([]);
      await faq(a, "ab");

      const list = await unanswered({ from: "2026-04-23", to: "2026-04-23" });
      expect(list.items.map((item: { query: string; count: number }) => [item.query, item.count])).toEqual([
        ["boleto vencido", 3],
        ["certificado a1 expirou", 2],
        ["xml de cancelamento", 1],
      ]);
      expect(list.items[0].lastSearchedAt).toBe(new Date(t.clock.now()).toISOString());
    });

    it("sums a period's days, leaves out days outside it, and pages by count then query", async () => {
      t.clock.set("2026-04-25T13:00:00Z");
      await faq(customer(0).cookie, "xml de cancelamento");
      t.clock.advance(2 * MINUTE);
      await faq(customer(0).cookie, "xml de cancelamento");
      await faq(customer(1).cookie, "xml de cancelamento");

      const period = await unanswered({ from: "2026-04-23", to: "2026-04-25" });
      expect(period.items.map((item: { query: string; count: number }) => [item.query, item.count])).toEqual([
        ["xml de cancelamento", 4],
        ["boleto vencido", 3],
        ["certificado a1 expirou", 2],
      ]);
      const onlyLater = await unanswered({ from: "2026-04-24", to: "2026-04-25" });
      expect(onlyLater.items.map((item: { query: string }) => item.query)).toEqual(["xml de cancelamento"]);
      // Without a period: the last 30 days up to today (São Paulo).
      expect((await unanswered()).items).toHaveLength(3);

      const first = await unanswered({ from: "2026-04-23", to: "2026-04-25", limit: "2" });
      expect(first.items).toHaveLength(2);
      const second = await unanswered({
        from: "2026-04-23",
        to: "2026-04-25",
        limit: "2",
        cursor: first.nextCursor,
      });
      expect(second.items.map((item: { query: string }) => item.query)).toEqual(["certificado a1 expirou"]);
      expect(second.nextCursor).toBeNull();
    });
  });
});
