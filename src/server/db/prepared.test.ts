import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database";
import { type Connection, connect } from "./connect";
import { migrateToLatest } from "./migrate";
import { PreparedQuery } from "./prepared";

let database: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  database = await createTestDatabase();
  connection = connect(database.config, { searchPath: database.searchPath });
  await migrateToLatest(connection.db, connection.schema);
  await connection.db
    .insertInto("category")
    .values(
      ["Fiscal", "Estoque", "Financeiro"].map((name, i) => ({
        id: `cat-${i}`,
        name,
        description: `${name}: dúvidas`,
        position: i,
        active: 1,
        created_at: 0,
        updated_at: 0,
      })),
    )
    .execute();
});

afterAll(async () => {
  await connection.db.destroy();
  await database.drop();
});

// Categories by optional name filter, always active, at most `limit`: a shape and three values.
const categories = new PreparedQuery(
  (db, byName: boolean, values: { name: string; limit: number }) =>
    db
      .selectFrom("category")
      .select(["id", "name"])
      .where("active", "=", 1)
      .$if(byName, (q) => q.where("name", "=", values.name))
      .orderBy("position")
      .limit(values.limit),
  (byName) => (byName ? "name" : "all"),
);

describe("PreparedQuery", () => {
  it("runs each shape with the values of every call, keeping the query's constants", async () => {
    const db = connection.db;
    expect(await categories.execute(db, false, { name: "", limit: 2 })).toEqual([
      { id: "cat-0", name: "Fiscal" },
      { id: "cat-1", name: "Estoque" },
    ]);
    // Same shape, new values: the compiled query is reused with them.
    expect(await categories.execute(db, false, { name: "", limit: 3 })).toHaveLength(3);
    expect(await categories.execute(db, true, { name: "Financeiro", limit: 5 })).toEqual([
      { id: "cat-2", name: "Financeiro" },
    ]);
    expect(await categories.executeTakeFirst(db, true, { name: "Estoque", limit: 5 })).toEqual({
      id: "cat-1",
      name: "Estoque",
    });
    // The constant `active = 1` stays: an inactive category is not found by name.
    await db.updateTable("category").set({ active: 0 }).where("id", "=", "cat-1").execute();
    expect(await categories.executeTakeFirst(db, true, { name: "Estoque", limit: 5 })).toBeUndefined();
  });

  it("refuses a query that inlines a value into its SQL text", async () => {
    const inlined = new PreparedQuery(
      (db, _shape: null, values: { name: string }) =>
        db
          .selectFrom("category")
          .select("id")
          .where(sql<boolean>`${sql.lit(values.name)} = name`),
      () => "",
    );
    await expect(inlined.execute(connection.db, null, { name: "Fiscal" })).rejects.toThrow(/inlined/);
  });
});
