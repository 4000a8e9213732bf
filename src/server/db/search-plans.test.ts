import type { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { testDialect } from "../../../test/support/database";
import { planOf as planOfQuery } from "../../../test/support/query-plan";
import { parseQuery } from "../../domain/search/portuguese";
import { rankedArticles } from "../modules/kb/repository";
import { buildTicketList, type ListValues } from "../modules/tickets/repository";
import { dialectOf } from "./dialect";
import { matchText } from "./search";

// A search is served by the full-text index on both databases: FTS5's virtual table on SQLite, the
// GIN index on to_tsvector('simple', search_terms) on PostgreSQL (told to avoid sequential scans
// and full index scans, it must find the index, which it only can when the query's expression is
// the index's).
describe("search query plans", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  // Empty tables make any plan cheap: with plain scans off, only an index on the match serves it.
  const planOf = (compiled: CompiledQuery) =>
    planOfQuery(t.ctx.db, compiled, ["enable_seqscan", "enable_indexscan", "enable_indexonlyscan"]);

  const terms = parseQuery("Saldo do fluxo de caixa de novembro não bate com o extr");
  const companyId = "0196b5f0-0000-7000-8000-000000000002";

  it.each([
    ["a customer's ranked list", { company: true, after: false }],
    ["a customer's ranked list after a cursor", { company: true, after: true }],
    ["the staff's ranked list of every company", { company: false, after: false }],
  ])("%s is matched by the full-text index, the tenant inside the query", async (_name, parts) => {
    const values: ListValues = {
      companyId,
      status: "open",
      excludeNumber: 0,
      number: 0,
      match: matchText(dialectOf(t.ctx.db), terms, parts.company ? { companyId } : {}),
      afterKey: 1000,
      afterNumber: 1042,
    };
    const shape = { ...parts, status: false, exclude: false, number: false, search: true, limit: 26 };
    const compiled = buildTicketList(t.ctx.db, shape, values).compile();
    if (parts.company) expect(compiled.sql).toMatch(/"ticket"\."company_id" = /);
    const plan = await planOf(compiled);
    if (testDialect === "sqlite") {
      expect(
        plan.some((line) => /VIRTUAL TABLE INDEX \d+:M/.test(line)),
        plan.join("\n"),
      ).toBe(true);
      expect(
        plan.filter((line) => /^SCAN (ticket|t)\b/.test(line)),
        plan.join("\n"),
      ).toEqual([]);
    } else {
      expect(
        plan.filter((line) => /Seq Scan on ticket/.test(line)),
        plan.join("\n"),
      ).toEqual([]);
      // Within one company PostgreSQL may as well read the company's range and test each row's
      // terms (its pick on a small company); across companies only the GIN index can serve.
      const served = parts.company
        ? /Bitmap Index Scan on (ticket_search_idx|ticket_company_\w+_idx)/
        : /Bitmap Index Scan on ticket_search_idx/;
      expect(plan.join("\n")).toMatch(served);
    }
  });

  it("the FAQ's ranked search is matched by the full-text index", async () => {
    const plan = await planOf(rankedArticles(t.ctx.db, terms).limit(5).compile());
    if (testDialect === "sqlite") {
      expect(
        plan.some((line) => /VIRTUAL TABLE INDEX \d+:M/.test(line)),
        plan.join("\n"),
      ).toBe(true);
    } else {
      expect(plan.join("\n")).toMatch(/Bitmap Index Scan on article_search_idx/);
    }
  });
});
