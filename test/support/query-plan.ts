// The plan a database chooses for a compiled query, one line per step: SQLite's EXPLAIN QUERY PLAN,
// or PostgreSQL's EXPLAIN with the given planner settings (on near-empty test tables any plan is
// cheap: turning plain scans and sorts off shows whether an index can serve the query at all).
import { type CompiledQuery, type Kysely, sql } from "kysely";
import type { Database } from "../../src/server/db/schema";
import { testDialect } from "./database";

export type PlannerSetting =
  | "enable_seqscan"
  | "enable_indexscan"
  | "enable_indexonlyscan"
  | "enable_sort"
  | "enable_bitmapscan";

type Compiled = Pick<CompiledQuery, "sql" | "parameters">;

/** Another statement over the compiled query's text, with its parameters. */
const around = (compiled: Compiled, text: string) => ({
  sql: text,
  parameters: compiled.parameters,
  query: { kind: "RawNode" } as never,
  queryId: { queryId: "plan" },
});

/** SQLite's bytecode for a compiled query: one row per instruction (opcode, p1, p2…). */
export async function bytecodeOf(
  db: Kysely<Database>,
  compiled: Compiled,
): Promise<{ opcode: string; p1: number; p2: number }[]> {
  const result = await db.executeQuery<{ opcode: string; p1: number; p2: number }>(
    around(compiled, `explain ${compiled.sql}`),
  );
  return result.rows;
}

export async function planOf(
  db: Kysely<Database>,
  compiled: Compiled,
  postgresOff: readonly PlannerSetting[] = [],
): Promise<string[]> {
  if (testDialect === "sqlite") {
    const result = await db.executeQuery<{ detail: string }>(
      around(compiled, `explain query plan ${compiled.sql}`),
    );
    return result.rows.map((row) => row.detail);
  }
  return db.transaction().execute(async (trx) => {
    for (const setting of postgresOff) await sql`set local ${sql.raw(setting)} = off`.execute(trx);
    const result = await trx.executeQuery<{ "QUERY PLAN": string }>(
      around(compiled, `explain ${compiled.sql}`),
    );
    return result.rows.map((row) => row["QUERY PLAN"]);
  });
}
