import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database";
import { type Connection, connect } from "./connect";
import { migrateToLatest } from "./migrate";
import { insertTogether, PreparedInsert, PreparedQuery } from "./prepared";

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
    const inlined = PreparedQuery.single((db, values: { name: string }) =>
      db
        .selectFrom("category")
        .select("id")
        .where(sql<boolean>`${sql.lit(values.name)} = name`),
    );
    await expect(inlined.execute(connection.db, null, { name: "Fiscal" })).rejects.toThrow(/inlined/);
  });

  it("compiles a shape once for the database and every transaction on it", async () => {
    let builds = 0;
    const byId = PreparedQuery.single((db, values: { id: string }) => {
      builds += 1;
      return db.selectFrom("category").select("name").where("id", "=", values.id);
    });
    const names: (string | undefined)[] = [];
    for (const id of ["cat-0", "cat-2"]) {
      await connection.db.transaction().execute(async (trx) => {
        names.push((await byId.executeTakeFirst(trx, null, { id }))?.name);
      });
    }
    names.push((await byId.executeTakeFirst(connection.db, null, { id: "cat-0" }))?.name);
    expect(names).toEqual(["Fiscal", "Financeiro", "Fiscal"]);
    expect(builds).toBe(1);
  });
});

describe("PreparedInsert", () => {
  const insert = new PreparedInsert("category");
  const row = (id: string, name: string) => ({
    id,
    name,
    description: `${name}: dúvidas`,
    position: 9,
    active: 1 as const,
    created_at: 5,
    updated_at: 5,
  });

  it("writes one row or several, each value in its column", async () => {
    await insert.execute(connection.db, [row("ins-1", "Compras")]);
    // The same columns in another order: each value still lands in its own column.
    const reversed = Object.fromEntries(Object.entries(row("ins-3", "Produção")).reverse()) as ReturnType<
      typeof row
    >;
    await connection.db.transaction().execute(async (trx) => {
      await insert.execute(trx, [row("ins-2", "Vendas"), reversed]);
    });
    const rows = await connection.db
      .selectFrom("category")
      .select(["id", "name", "description", "position"])
      .where("id", "like", "ins-%")
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { id: "ins-1", name: "Compras", description: "Compras: dúvidas", position: 9 },
      { id: "ins-2", name: "Vendas", description: "Vendas: dúvidas", position: 9 },
      { id: "ins-3", name: "Produção", description: "Produção: dúvidas", position: 9 },
    ]);
  });

  it("refuses rows of different columns, and values that are not text, numbers or null", async () => {
    const { position: _, ...withoutPosition } = row("ins-5", "Fiscal 2");
    await expect(
      insert.execute(connection.db, [row("ins-4", "Contábil"), withoutPosition as ReturnType<typeof row>]),
    ).rejects.toThrow(/different columns/);
    await expect(
      insert.execute(connection.db, [{ ...row("ins-6", "Folha"), position: true as unknown as number }]),
    ).rejects.toThrow(/neither text/);
    const written = await connection.db
      .selectFrom("category")
      .select("id")
      .where("id", "in", ["ins-4", "ins-5", "ins-6"])
      .execute();
    expect(written).toEqual([]);
  });
});

describe("insertTogether", () => {
  const categoryInsert = new PreparedInsert("category");
  const articleInsert = new PreparedInsert("article");
  const category = (id: string) => ({
    id,
    name: `Categoria ${id}`,
    description: "dúvidas",
    position: 1,
    active: 1 as const,
    created_at: 7,
    updated_at: 7,
  });
  const article = (id: string, categoryId: string) => ({
    id,
    category_id: categoryId,
    question: "Como emitir a NF-e?",
    answer: "Pela tela FIS0001.",
    answer_html: "<p>Pela tela FIS0001.</p>",
    position: 1,
    active: 1 as const,
    helpful_count: 0,
    search_terms: "emitir nfe",
    created_at: 7,
    updated_at: 7,
    state: "published" as const,
  });

  it("writes rows that refer to each other in one statement on PostgreSQL, in order on SQLite", async () => {
    const heard: string[] = [];
    const counting = connect(database.config, {
      searchPath: database.searchPath,
      onStatement: (text) => heard.push(text),
    });
    try {
      await counting.db.transaction().execute(async (trx) => {
        heard.length = 0;
        await insertTogether(trx, [
          categoryInsert.statement(trx, [category("tog-1")]),
          articleInsert.statement(trx, [article("tog-a1", "tog-1"), article("tog-a2", "tog-1")]),
          articleInsert.statement(trx, []),
        ]);
        const written = heard.filter((text) => /^(with|insert)/.test(text));
        if (counting.dialect === "postgres") {
          expect(written).toEqual([
            expect.stringMatching(/^with written_1 as \(insert into "category" .*\) insert into "article"/),
          ]);
        } else {
          expect(written).toEqual([
            expect.stringMatching(/^insert into "category"/),
            expect.stringMatching(/^insert into "article"/),
          ]);
        }
      });
    } finally {
      await counting.db.destroy();
    }
    const articles = await connection.db
      .selectFrom("article")
      .select(["id", "category_id", "question", "state"])
      .where("id", "like", "tog-%")
      .orderBy("id")
      .execute();
    expect(articles).toEqual([
      { id: "tog-a1", category_id: "tog-1", question: "Como emitir a NF-e?", state: "published" },
      { id: "tog-a2", category_id: "tog-1", question: "Como emitir a NF-e?", state: "published" },
    ]);
  });

  it("writes nothing of a set whose one row breaks a constraint", async () => {
    await expect(
      connection.db.transaction().execute(async (trx) => {
        await insertTogether(trx, [
          categoryInsert.statement(trx, [category("tog-2")]),
          articleInsert.statement(trx, [article("tog-b1", "no-such-category")]),
        ]);
      }),
    ).rejects.toThrow();
    const left = await connection.db.selectFrom("category").select("id").where("id", "=", "tog-2").execute();
    expect(left).toEqual([]);
  });
});
