import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { generate } from "../cli/generate";
import { migrations } from "./migrations";

describe("migration 20261208_0038_tag_entries_open", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await generate(t.ctx, { tickets: 400, companies: 2, history: "uniform" });
  });
  afterAll(() => t.close());

  const disagreeing = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom("ticket_tag")
          .innerJoin("ticket", "ticket.id", "ticket_tag.ticket_id")
          .select((eb) => eb.fn.countAll().as("n"))
          .where(
            sql<boolean>`ticket_tag.open <> case when ticket.status in ('open', 'in_progress', 'waiting_customer') then 1 else 0 end`,
          )
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("flags the open tickets' entries written before it, and goes down and up again", async () => {
    const { connection } = t.ctx;
    const migrator = new Migrator({
      db: connection.db,
      provider: { getMigrations: async () => migrations },
      ...(connection.schema && { migrationTableSchema: connection.schema }),
    });
    const flagged = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom("ticket_tag")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("open", "=", 1)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await flagged();
    expect(before).toBeGreaterThan(20);
    expect((await migrator.migrateTo("20261208_0037_open_ticket_ids")).error).toBeUndefined();
    // Entries written while the column did not exist, for a ticket that then changed status.
    const open = await t.ctx.db
      .selectFrom("ticket")
      .select("id")
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    await sql`insert into ticket_tag (ticket_id, tag) values (${open.id}, 'antes-da-0038')`.execute(t.ctx.db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await flagged()).toBe(before + 1);
    expect(await disagreeing()).toBe(0);
  });
});
