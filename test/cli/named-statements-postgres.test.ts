// The hot reads as PostgreSQL named statements (src/server/db/named-statements.ts): parsed once per
// connection, planned once when PostgreSQL settles on the generic plan (a page's first page and a
// deep cursor alike), ad-hoc queries left unnamed, and a `select *` statement whose table changed
// under it (a migration run by another process) run again rather than failed. A throwaway database
// of its own, so it runs once, in npm test, whatever database the API suite uses, with a few thousand
// generated tickets and fresh statistics. Which plan PostgreSQL keeps depends on the volume: at 100 000
// tickets a LIMIT or a cursor passed as a parameter makes the generic plan look dearer and every call
// is planned again (row-limit.ts, cursor.ts); `npm run bench -- --dialect postgres` shows that cost.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/server/cli/generate";
import { connect } from "../../src/server/db/connect";
import type { Db } from "../../src/server/db/schema";
import { findSessionWithUser } from "../../src/server/modules/auth/repository";
import { listQueue, type QueuePageShape } from "../../src/server/modules/queue/repository";
import { findTicketByNumber } from "../../src/server/modules/tickets/repository";
import { closeContext, openContext } from "../../src/server/runtime";
import { createThrowawayDatabase, type ThrowawayDatabase, throwawayConfig } from "./postgres";
import { cleanUp } from "./support";

const SHAPE: QueuePageShape = {
  company: false,
  category: true,
  screen: false,
  priority: true,
  kind: false,
  channel: false,
  assignee: false,
  tag: false,
  tagListOpen: false,
  tagListResolved: false,
  number: false,
  search: false,
  exclude: false,
  view: "open",
  sort: "due",
  after: false,
  limit: 26,
};
const VALUES = {
  me: "0196b5f0-0000-7000-8000-000000000001",
  now: Date.parse("2026-04-22T13:00:00Z"),
  companyId: "",
  categoryId: "",
  screenCode: "",
  priorityOrder: 1,
  kind: "",
  channel: "",
  assigneeId: "",
  tag: "",
  number: 0,
  match: "",
  excludeNumber: 0,
  after1: 0,
  after2: 0,
  after3: 0,
};

describe("named statements on PostgreSQL", () => {
  let database: ThrowawayDatabase;
  let db: Db;
  let values: typeof VALUES;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
    const config = throwawayConfig(database);
    const loader = await openContext(config);
    try {
      // Any status at any age: a queue deep enough for a cursor a third of the way in.
      await generate(loader, { tickets: 3000, companies: 5, history: "uniform" });
      await sql`vacuum (analyze)`.execute(loader.db);
    } finally {
      await closeContext(loader);
    }
    // One connection: what the statements below run on is what pg_prepared_statements shows.
    db = connect(config.database, { poolSize: 1 }).db;
    // The busiest category's high-priority open tickets, and a cursor a third of the way in.
    const busiest = await db
      .selectFrom("ticket")
      .select(["category_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("priority_order", "=", VALUES.priorityOrder)
      .where("status", "in", ["open", "in_progress", "waiting_customer"])
      .groupBy("category_id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    const third = await db
      .selectFrom("ticket")
      .select(["queue_due_at", "number"])
      .where("category_id", "=", busiest.category_id)
      .where("priority_order", "=", VALUES.priorityOrder)
      .where("status", "in", ["open", "in_progress", "waiting_customer"])
      .orderBy("queue_due_at")
      .orderBy("number")
      .offset(Math.floor(busiest.n / 3))
      .executeTakeFirstOrThrow();
    values = { ...VALUES, categoryId: busiest.category_id, after1: third.queue_due_at, after2: third.number };
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await cleanUp();
    await database?.drop();
  });

  const prepared = async () =>
    (
      await sql<{ statement: string; generic_plans: number; custom_plans: number }>`
        select statement, generic_plans, custom_plans from pg_prepared_statements`.execute(db)
    ).rows;

  it("runs the hot reads as named statements, and keeps the generic plan of a page and of a deep page", async () => {
    for (let i = 0; i < 8; i++) {
      await findSessionWithUser(db, `session-${i}`);
      const page = await listQueue(db, SHAPE, values);
      expect(page).toHaveLength(26);
      await listQueue(db, { ...SHAPE, after: true }, { ...values, after2: values.after2 + i });
    }
    const statements = await prepared();
    const session = statements.find((s) => /from "session" as "s"/.test(s.statement));
    expect(session).toBeDefined();
    const pages = statements.filter((s) => /from "ticket"/.test(s.statement) && /limit 26/.test(s.statement));
    expect(pages).toHaveLength(2);
    // Five custom plans, then the generic one for good: no planning per call.
    for (const page of pages)
      expect(page, page.statement).toMatchObject({ custom_plans: 5, generic_plans: 3 });
    // Ad-hoc queries stay unnamed.
    await db.selectFrom("company").select("id").where("name", "=", "x").execute();
    expect((await prepared()).some((s) => /from "company" where "name"/.test(s.statement))).toBe(false);
  });

  it("runs a `select *` statement again when its table changed under it", async () => {
    const scope = { kind: "all" } as const;
    expect(await findTicketByNumber(db, scope, 1)).toBeUndefined();
    await sql`alter table ticket add column added_by_a_later_release text`.execute(db);
    expect(await findTicketByNumber(db, scope, 1)).toBeUndefined();
    await sql`alter table ticket drop column added_by_a_later_release`.execute(db);
    expect(await findTicketByNumber(db, scope, 1)).toBeUndefined();
  });
});
