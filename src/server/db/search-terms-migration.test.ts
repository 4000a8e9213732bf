import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeTicket,
  makeUser,
} from "../../../test/support/factories";
import { dialectOf } from "./dialect";
import { reanalyze } from "./migrations/20261206_0020_search_terms";
import { companyTerm } from "./search";

describe("migration 20261206_0020_search_terms", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customerUser: MadeUser;
  let customer: string;
  let agent: string;
  const numbers: number[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    customerUser = await makeUser(t.ctx, "customer");
    customer = await loginAs(t.app, customerUser);
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    // Five tickets, so that batches of two take three steps.
    for (let i = 0; i < 5; i++) numbers.push(await makeTicket(t.ctx, catalog, customerUser));
    const say = (number: number, body: Record<string, unknown>) =>
      call(t.app, "POST", `/api/v1/tickets/${number}/messages`, body, { cookie: agent });
    expect((await say(numbers[0] ?? 0, { body: "A NF-e foi rejeitada pela SEFAZ-SP." })).statusCode).toBe(
      201,
    );
    expect(
      (await say(numbers[0] ?? 0, { body: "Cliente inadimplente xyzzy", internal: true })).statusCode,
    ).toBe(201);
  });
  afterAll(() => t.close());

  const ticketsFound = async (q: string) =>
    (
      await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie: customer, query: { q, limit: "25" } })
    ).json().items.length as number;
  const articlesFound = async (q: string) =>
    (await call(t.app, "GET", "/api/v1/articles", undefined, { cookie: customer, query: { q } }))
      .json()
      .items.map((a: { question: string }) => a.question) as string[];

  it("re-analyzes tickets (with their public history), articles and screens in batches", async () => {
    const fresh = await t.ctx.db
      .selectFrom("ticket")
      .select(["number", "search_terms"])
      .orderBy("number")
      .execute();
    const freshArticles = await t.ctx.db
      .selectFrom("article")
      .select(["id", "search_terms"])
      .orderBy("id")
      .execute();
    const freshScreens = await t.ctx.db
      .selectFrom("screen")
      .select(["code", "search_terms"])
      .orderBy("code")
      .execute();

    // Terms as the previous analysis wrote them: "e-mail" was "mail", "não" typed "nao" a term.
    await t.ctx.db
      .updateTable("ticket")
      .set({ search_terms: `${companyTerm(customerUser.company_id ?? "")} mail contat nao` })
      .execute();
    await t.ctx.db.updateTable("article").set({ search_terms: "old" }).execute();
    await t.ctx.db.updateTable("screen").set({ search_terms: " old " }).execute();
    expect(await ticketsFound("email")).toBe(0);
    expect(await articlesFound("emissao nfe")).toEqual([]);

    await reanalyze(t.ctx.db as unknown as Kysely<unknown>, 2);

    expect(
      await t.ctx.db.selectFrom("ticket").select(["number", "search_terms"]).orderBy("number").execute(),
    ).toEqual(fresh);
    expect(
      await t.ctx.db.selectFrom("article").select(["id", "search_terms"]).orderBy("id").execute(),
    ).toEqual(freshArticles);
    expect(
      await t.ctx.db.selectFrom("screen").select(["code", "search_terms"]).orderBy("code").execute(),
    ).toEqual(freshScreens);
    const first = fresh[0]?.search_terms ?? "";
    expect(first.split(" ")).toEqual(expect.arrayContaining(["email", "mail", "nfe", "rejeit", "sefazsp"]));
    expect(first).not.toContain("xyzzy");
    expect(first).not.toContain("inadimpl");

    // The full-text index followed: on SQLite the FTS5 tables through their triggers.
    expect(await ticketsFound("email")).toBe(5);
    expect(await ticketsFound("nfe rejeitada")).toBeGreaterThanOrEqual(1);
    expect(await ticketsFound("xyzzy")).toBe(0);
    expect(await articlesFound("emissao nfe")).toContain("Como faço a emissão de NF-e?");
    if (dialectOf(t.ctx.db) === "sqlite") {
      const indexed = await sql<{
        terms: string;
      }>`select terms from ticket_fts where rowid = ${numbers[0] ?? 0}`.execute(t.ctx.db);
      expect(indexed.rows[0]?.terms).toBe(first);
    }
  });

  it("writes nothing when the terms are already current", async () => {
    const before = await t.ctx.db.selectFrom("ticket").select(["number", "version", "updated_at"]).execute();
    await reanalyze(t.ctx.db as unknown as Kysely<unknown>);
    expect(await t.ctx.db.selectFrom("ticket").select(["number", "version", "updated_at"]).execute()).toEqual(
      before,
    );
  });
});
