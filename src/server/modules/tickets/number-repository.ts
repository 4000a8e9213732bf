// Where public ticket numbers come from: on PostgreSQL the sequence `ticket_number_seq` (migration
// 0030), which no transaction holds, so concurrent openings do not wait for each other; on SQLite
// the `counter` row, bumped in the opening's transaction (one writer at a time: no one waits on it).
import { sql } from "kysely";
import { dialectOf } from "../../db/dialect";
import { PreparedQuery } from "../../db/prepared";
import type { Db, Executor } from "../../db/schema";

const nextval = sql<string>`nextval('ticket_number_seq')`;

/**
 * The next ticket number, for an opening in the transaction `db`. On PostgreSQL a number taken by an
 * opening that then rolls back is not given out again: the numbering has a gap there, which is
 * acceptable (a number names a ticket; nothing counts on them being consecutive).
 */
export async function nextTicketNumber(db: Executor): Promise<number> {
  if (dialectOf(db) === "postgres") {
    return Number((await db.selectNoFrom(nextval.as("number")).executeTakeFirstOrThrow()).number);
  }
  return reserveOnCounter(db, 1);
}

/**
 * Reserves `count` consecutive numbers (`extranet generate`, at least one) and returns the first. On
 * PostgreSQL the reserving transaction alters the sequence (restating its increment), which takes
 * its lock: that waits for the openings in progress (each holds the sequence from its nextval to its
 * commit) and holds every later nextval until the reservation commits, so no opening takes a number
 * inside the block between reading the sequence and moving it past the block.
 */
export async function reserveTicketNumbers(db: Db, count: number): Promise<number> {
  if (dialectOf(db) !== "postgres") return reserveOnCounter(db, count);
  return db.transaction().execute(async (trx) => {
    await sql`alter sequence ticket_number_seq increment by 1`.execute(trx);
    const first = Number((await trx.selectNoFrom(nextval.as("number")).executeTakeFirstOrThrow()).number);
    await sql`select setval('ticket_number_seq', ${first + count - 1})`.execute(trx);
    return first;
  });
}

/** SQLite's counter row, bumped by every opening (compiled once). */
const counterBump = PreparedQuery.single((db, values: { count: number }) =>
  db
    .updateTable("counter")
    .set((eb) => ({ value: eb("value", "+", values.count) }))
    .where("name", "=", "ticket_number")
    .returning("value"),
);

async function reserveOnCounter(db: Executor, count: number): Promise<number> {
  const row = await counterBump.executeTakeFirst(db, null, { count });
  if (!row) throw new Error("the ticket_number counter row is missing");
  return Number(row.value) - count + 1;
}
