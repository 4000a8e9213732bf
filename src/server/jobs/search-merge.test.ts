// The maintenance job's merging of SQLite's full-text indexes: a few passes leave one segment, and
// searches find what they found before. PostgreSQL's GIN index needs none of it.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../test/support/app";
import { loginAs, makeCatalog, makeTicket, makeUser } from "../../../test/support/factories";
import { mergeSearchIndexes, runMaintenance } from "./maintenance";

describe("the maintenance job's search index merge", () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp();
    const catalog = await makeCatalog(t.ctx);
    const customer = await makeUser(t.ctx, "customer");
    cookie = await loginAs(t.app, customer);
    const subjects = ["Conciliação bancária não fecha", "Boleto sem remessa", "Extrato OFX não importa"];
    for (let i = 0; i < 30; i++) {
      await makeTicket(t.ctx, catalog, customer, { subject: `${subjects[i % 3]} ${i}` });
    }
  });
  afterAll(() => t.close());

  const search = async (q: string) =>
    (await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie, query: { q, limit: "50" } }))
      .json()
      .items.map((item: { number: number }) => item.number);

  it("brings SQLite's ticket index to one segment in a few passes, finding the same tickets", async () => {
    if (t.ctx.connection.dialect === "postgres") {
      // Nothing to merge: the job leaves PostgreSQL alone (no FTS5 tables there).
      await expect(mergeSearchIndexes(t.ctx)).resolves.toBeUndefined();
      return;
    }
    const segments = async () =>
      (await sql<{ n: number }>`select count(distinct segid) as n from ticket_fts_idx`.execute(t.ctx.db))
        .rows[0]?.n;
    expect(await segments()).toBeGreaterThan(1);
    const before = await search("conciliacao extrato");
    expect(before).toHaveLength(20);
    for (let pass = 0; pass < 3; pass++) await runMaintenance(t.ctx);
    expect(await segments()).toBe(1);
    expect(await search("conciliacao extrato")).toEqual(before);
  });
});
