// The tag entries' open flags (`ticket_tag.open`, kept by migration 0038's triggers) against their
// tickets' statuses.
import { sql } from "kysely";
import type { Executor } from "../../src/server/db/schema";

/** How many tag entries say their ticket is open, and how many say otherwise than its status. */
export async function tagEntryFlags(db: Executor): Promise<{ open: number; disagreeing: number }> {
  const row = await db
    .selectFrom("ticket_tag")
    .innerJoin("ticket", "ticket.id", "ticket_tag.ticket_id")
    .select([
      sql<number>`sum(case when ticket_tag.open = 1 then 1 else 0 end)`.as("open"),
      sql<number>`sum(case when ticket_tag.open <> case when ticket.status in ('open', 'in_progress', 'waiting_customer') then 1 else 0 end then 1 else 0 end)`.as(
        "disagreeing",
      ),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(row.open ?? 0), disagreeing: Number(row.disagreeing ?? 0) };
}
