// The workers' claims read the outbox (e-mails, webhook deliveries) by index on both databases, in due order, without sorting: a
// sort of every queued row on each claim made draining n e-mails cost n².
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { testDialect } from "../../../../test/support/database";
import { planOf } from "../../../../test/support/query-plan";
import { type LeaseTable, selectLeaseExpired, selectQueuedDue } from "./lease-queue";
import { buildOutboxList } from "./repository";

describe("outbox claim query plans", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const tables: [LeaseTable, string][] = [
    ["outbox_message", "outbox_message_queue_idx"],
    ["webhook_delivery", "webhook_delivery_queue_idx"],
  ];
  it.each(
    tables.flatMap(
      ([table, index]) =>
        [
          [
            `${table}: queued rows whose time has come`,
            index,
            () => selectQueuedDue(t.ctx.db, table, Date.now()).limit(10),
          ],
          [
            `${table}: rows whose sender's lease ran out`,
            index,
            () => selectLeaseExpired(t.ctx.db, table, Date.now()).limit(10),
          ],
        ] as const,
    ),
  )("%s walk the queue index in order", async (_name, index, query) => {
    const plan = await planOf(t.ctx.db, query().compile(), [
      "enable_seqscan",
      "enable_sort",
      "enable_bitmapscan",
    ]);
    const text = plan.join("\n");
    expect(text).toContain(index);
    if (testDialect === "sqlite") expect(text).not.toContain("TEMP B-TREE");
    else expect(text).not.toMatch(/\bSort\b|Seq Scan/);
  });

  it.each([
    ["every e-mail, newest first", undefined, undefined],
    ["every e-mail after a cursor", undefined, { key: 0, id: "0196b5f0-0000-7000-8000-000000000001" }],
    ["the failed ones, last attempt first", "failed" as const, undefined],
    [
      "the failed ones after a cursor",
      "failed" as const,
      { key: 1, id: "0196b5f0-0000-7000-8000-000000000001" },
    ],
  ])("“Caixa de saída”: %s walks an index in the page's order", async (_name, state, after) => {
    const compiled = buildOutboxList(t.ctx.db, { state, after, limit: 26 }).compile();
    const plan = await planOf(t.ctx.db, compiled, ["enable_seqscan", "enable_sort", "enable_bitmapscan"]);
    const text = plan.join("\n");
    if (testDialect === "sqlite") {
      expect(text).not.toContain("TEMP B-TREE");
      expect(text).not.toMatch(/SCAN outbox_message(?! USING)/);
    } else expect(text).not.toMatch(/\bSort\b|Seq Scan on outbox_message/);
    if (state) expect(text).toContain("outbox_message_queue_idx");
  });
});
