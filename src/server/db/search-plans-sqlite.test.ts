// SQLite's plan for a customer's ranked page under the statistics of a big help desk (100 000 tickets
// in 200 companies, as ANALYZE left them in a generated database): the page starts from the full-text
// index's best rows and looks each ticket up by number, rather than reading the company's tickets and
// looking each up among the hits (what the planner chose there, at twice the cost). A SQLite file of
// its own, whichever database the rest of the suite runs on: the statistics are SQLite's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery } from "../../domain/search/portuguese";
import { buildTicketList, type ListValues } from "../modules/tickets/repository";
import { type Connection, connect } from "./connect";
import { migrateToLatest } from "./migrate";
import { matchText } from "./search";

const STATS: [string, string, string][] = [
  ["ticket", "sqlite_autoindex_ticket_1", "100017 1"],
  ["ticket", "sqlite_autoindex_ticket_2", "100017 1"],
  ["ticket", "ticket_company_updated_idx", "100017 493 1 1"],
  ["ticket", "ticket_company_status_updated_idx", "100017 493 99 1 1"],
  ["ticket", "ticket_requester_idx", "100017 166"],
  ["company", "sqlite_autoindex_company_1", "203 1"],
  ["app_user", "sqlite_autoindex_app_user_1", "610 1"],
  ["category", "sqlite_autoindex_category_1", "8 1"],
  ["screen", "sqlite_autoindex_screen_1", "59 1"],
];

describe("a customer's ranked ticket page on SQLite", () => {
  let dir: string;
  let connection: Connection;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-plan-"));
    connection = connect({ dialect: "sqlite", file: path.join(dir, "extranet.sqlite") });
    await migrateToLatest(connection.db);
    await sql`analyze`.execute(connection.db);
    for (const [tbl, idx, stat] of STATS) {
      await sql`insert into sqlite_stat1 (tbl, idx, stat) values (${tbl}, ${idx}, ${stat})`.execute(
        connection.db,
      );
    }
    // Reloads the statistics.
    await sql`analyze sqlite_schema`.execute(connection.db);
  });
  afterAll(async () => {
    await connection.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([false, true])("starts from the index's best rows (after a cursor: %s)", async (after) => {
    const companyId = "0196b5f0-0000-7000-8000-000000000002";
    const values: ListValues = {
      companyId,
      status: "open",
      excludeNumber: 0,
      number: 0,
      match: matchText("sqlite", parseQuery("conciliacao lancamentos"), { companyId }),
      afterKey: 1000,
      afterNumber: 1042,
    };
    const shape = {
      company: true,
      after,
      status: false,
      exclude: false,
      number: false,
      search: true,
      limit: 26,
    };
    const compiled = buildTicketList(connection.db, shape, values).compile();
    const sqlite = connection.sqlite;
    if (!sqlite) throw new Error("not SQLite");
    const plan = (
      sqlite.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters) as {
        detail: string;
      }[]
    ).map((row) => row.detail);
    expect(plan.join("\n")).toMatch(/SEARCH ticket USING INDEX sqlite_autoindex_ticket_2 \(number=\?\)/);
    expect(plan.join("\n")).not.toMatch(/ticket_company_/);
    // The tenant filter is still in the statement.
    expect(compiled.sql).toMatch(/"ticket"\."company_id" = \?/);
  });
});
