// The query planner's statistics after a bulk write: PostgreSQL has none for new rows until
// autovacuum gets round to the table, and SQLite none until someone runs ANALYZE.
import { sql } from "kysely";
import type { Database, Db } from "./schema";

/** `ANALYZE` of one table, outside any transaction (the same statement on both databases). */
export async function analyzeTable(db: Db, table: keyof Database & string): Promise<void> {
  await sql`analyze ${sql.table(table)}`.execute(db);
}
