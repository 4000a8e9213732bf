// Which SQL dialect a Kysely instance (or transaction) speaks, for the few queries that differ.
import { type Kysely, PostgresAdapter } from "kysely";

export type Dialect = "sqlite" | "postgres";

export function dialectOf(db: Kysely<unknown> | { getExecutor: Kysely<unknown>["getExecutor"] }): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
