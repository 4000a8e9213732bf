import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";
import { changeTicket } from "./service";

describe("“Lista de ocorrências”", () => {
  let t: TestApp;
  let catalog: Catalog;
  let cookie: string;
  const numbers: Record<string, number> = {};
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompany(t.ctx);
    const alice = await makeUser(t.ctx, "customer", { company, name: "Alice" });
    const bob = await makeUser(t.ctx, "customer_admin", { company, name: "Bob" });
    const agent = await makeUser(t.ctx, "agent");
    const stories = [
      [
        "nfe",
        alice,
        {
          subject: "NF-e rejeitada pela SEFAZ",
          screenCode: "FIS0001",
          exampleRecord: "NF-e 000.123.456 série 1",
        },
      ],
      [
        "caixa",
        bob,
        { subject: "Fluxo de caixa não bate", screenCode: "FIN0005", exampleRecord: "conta corrente 1234-5" },
      ],
      ["email", alice, { subject: "E-mail do contato não gravado", exampleRecord: "cliente código 100" }],
      ["impressao", bob, { subject: "Impressão do boleto não funciona", exampleRecord: "título 9981-2" }],
    ] as const;
    for (const [key, requester, overrides] of stories) {
      t.clock.advance(60_000);
      numbers[key] = await makeTicket(t.ctx, catalog, requester, overrides);
    }
    t.clock.advance(60_000);
    await changeTicket(t.ctx, { userId: agent.id, role: "agent", companyId: null }, numbers.nfe ?? 0, {
      version: 1,
      status: "resolved",
    });
    cookie = await loginAs(t.app, alice);
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, string> = {}) => {
    const response = await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie, query });
    expect(response.statusCode).toBe(200);
    return response.json() as {
      items: { number: number; status: string; requester: { name: string } }[];
      nextCursor: string | null;
    };
  };

  it("shows every ticket of the company, whoever opened it, latest update first", async () => {
    const page = await list();
    expect(page.items.map((i) => i.number)).toEqual([
      numbers.nfe,
      numbers.impressao,
      numbers.email,
      numbers.caixa,
    ]);
    expect(new Set(page.items.map((i) => i.requester.name))).toEqual(new Set(["Alice", "Bob"]));
    expect(page.nextCursor).toBeNull();
  });

  it("filters by status", async () => {
    expect((await list({ status: "resolved" })).items.map((i) => i.number)).toEqual([numbers.nfe]);
    expect((await list({ status: "open" })).items).toHaveLength(3);
  });

  it.each([
    ["the number", () => String(numbers.caixa), "caixa"],
    ["the number with #", () => `#${numbers.email}`, "email"],
    ["a screen code", () => "fin0005", "caixa"],
    ["words without accents", () => "impressao boleto", "impressao"],
    ["the example record", () => "9981", "impressao"],
    ["an acronym", () => "nfe rejeitada", "nfe"],
  ])("searches by %s", async (_label, q, key) => {
    expect((await list({ q: q() })).items.map((i) => i.number)).toEqual([numbers[key]]);
  });

  it("puts the ticket with the searched number first, then the tickets that mention it", async () => {
    const target = numbers.caixa ?? 0;
    const requester = await t.ctx.db
      .selectFrom("app_user")
      .selectAll()
      .where("name", "=", "Alice")
      .executeTakeFirstOrThrow();
    t.clock.advance(60_000);
    const mention = await makeTicket(t.ctx, catalog, requester, {
      exampleRecord: `ocorrência ${target} de novo`,
    });
    const found = await list({ q: String(target) });
    expect(found.items.map((i) => i.number)).toEqual([target, mention]);
    const onlyOne = await list({ q: `#${target}`, limit: "1" });
    expect(onlyOne.items.map((i) => i.number)).toEqual([target]);
    numbers.mention = mention;
  });

  it("pages with a keyset cursor without gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ limit: "1", ...(cursor && { cursor }) });
      seen.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([numbers.mention, numbers.nfe, numbers.impressao, numbers.email, numbers.caixa]);
  });

  it("refuses a malformed cursor or status", async () => {
    expect(
      (await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie, query: { cursor: "x" } })).statusCode,
    ).toBe(400);
    expect(
      (await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie, query: { status: "closed" } }))
        .statusCode,
    ).toBe(400);
  });
});
