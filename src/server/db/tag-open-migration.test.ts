import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { tagEntryFlags } from "../../../test/support/tag-flags";
import { generate } from "../cli/generate";
import { migrations } from "./migrations";

describe("migration 20261208_0038_tag_entries_open", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await generate(t.ctx, { tickets: 400, companies: 2, history: "uniform" });
  });
  afterAll(() => t.close());

  it("flags the open tickets' entries written before it, and goes down and up again", async () => {
    const { connection } = t.ctx;
    const migrator = new Migrator({
      db: connection.db,
      provider: { getMigrations: async () => migrations },
      ...(connection.schema && { migrationTableSchema: connection.schema }),
    });
    const before = await tagEntryFlags(t.ctx.db);
    expect(before.open).toBeGreaterThan(20);
    expect((await migrator.migrateTo("20261208_0037_open_ticket_ids")).error).toBeUndefined();
    // An entry written while the column did not exist, on an open ticket.
    const open = await t.ctx.db
      .selectFrom("ticket")
      .select("id")
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    await sql`insert into ticket_tag (ticket_id, tag) values (${open.id}, 'antes-da-0038')`.execute(t.ctx.db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const after = await tagEntryFlags(t.ctx.db);
    expect(after.open).toBe(before.open + 1);
    expect(after.disagreeing).toBe(0);
  });
});
