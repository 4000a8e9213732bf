// The last ticket number given out, read where each database keeps it: the sequence on PostgreSQL,
// the counter row on SQLite (src/server/modules/tickets/number-repository.ts).
import { sql } from "kysely";
import { dialectOf } from "../../src/server/db/dialect";
import type { Executor } from "../../src/server/db/schema";

export async function lastTicketNumber(db: Executor): Promise<number> {
  if (dialectOf(db) === "postgres") {
    // A sequence not called yet holds the number it will give first.
    const { rows } = await sql<{ last: string }>`select case when is_called then last_value
      else last_value - 1 end as last from ticket_number_seq`.execute(db);
    const [row] = rows;
    if (!row) throw new Error("ticket_number_seq read no row");
    return Number(row.last);
  }
  const row = await db
    .selectFrom("counter")
    .select("value")
    .where("name", "=", "ticket_number")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
