// Where `extranet generate` writes each batch of tickets, one transaction per batch: COPY on
// PostgreSQL (one connection held for the run), multi-row inserts on SQLite.

import type { Insertable } from "kysely";
import type pg from "pg";
import type { AppContext } from "../context";
import { copyObjects } from "../db/copy";
import type { Db, SlaClockTable, TicketEventTable, TicketTable, TicketTagTable } from "../db/schema";
import { slices } from "../db/slices";

export interface GeneratedBatch {
  tickets: TicketTable[];
  tags: Insertable<TicketTagTable>[];
  events: TicketEventTable[];
  clocks: SlaClockTable[];
}

export interface BatchWriter {
  /**
   * Starts writing `batch` once the batch before it is written, so that the next one can be built
   * meanwhile; `onWritten` runs after its commit. A failed write rejects this call or `finish`.
   */
  write(batch: GeneratedBatch, onWritten: () => void): Promise<void>;
  /** Waits for the batch in flight. */
  finish(): Promise<void>;
  /** PostgreSQL: the rows each table took, as COPY reported them; undefined on SQLite. */
  copied(): Record<string, number> | undefined;
  /** Lets the connection go, once the batch in flight has ended whichever way. */
  close(): Promise<void>;
}

export async function batchWriter(ctx: AppContext): Promise<BatchWriter> {
  const pool = ctx.connection.pool;
  if (ctx.connection.dialect === "postgres" && pool) return copyWriter(await pool.connect());
  return oneInFlight(
    insertBatch(ctx.db),
    () => undefined,
    async () => {},
  );
}

/** Keeps one write in flight: the caller builds the next batch while the database takes this one. */
function oneInFlight(
  writeNow: (batch: GeneratedBatch) => Promise<void>,
  copied: () => Record<string, number> | undefined,
  release: (failure: unknown) => Promise<void>,
): BatchWriter {
  let inFlight: Promise<void> = Promise.resolve();
  let failure: unknown;
  const track = (write: Promise<void>) => {
    inFlight = write;
    // Seen now, so a failure while the next batch is built is not an unhandled rejection; it
    // surfaces from the next `write` or `finish`.
    write.catch((error: unknown) => {
      failure = error;
    });
  };
  return {
    async write(batch, onWritten) {
      await inFlight;
      track(writeNow(batch).then(onWritten));
    },
    finish: () => inFlight,
    copied,
    close: async () => {
      await inFlight.catch(() => {});
      await release(failure);
    },
  };
}

/** Parents before children, as the foreign keys want them. */
const TABLES = [
  ["ticket", "tickets"],
  ["ticket_tag", "tags"],
  ["ticket_event", "events"],
  ["sla_clock", "clocks"],
] as const;

function copyWriter(client: pg.PoolClient): BatchWriter {
  const copied: Record<string, number> = Object.fromEntries(TABLES.map(([table]) => [table, 0]));
  const writeNow = async (batch: GeneratedBatch) => {
    // Generated data: losing the last batches to a crash of the server is acceptable, waiting for
    // a disk flush at every commit is not (the setting lasts for this transaction only).
    await client.query("begin; set local synchronous_commit = off");
    try {
      for (const [table, rows] of TABLES)
        copied[table] = (copied[table] ?? 0) + (await copyObjects(client, table, batch[rows]));
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    }
  };
  return oneInFlight(
    writeNow,
    () => ({ ...copied }),
    async (failure) => {
      // A connection that failed mid-COPY is closed rather than handed back to the pool.
      client.release(failure instanceof Error ? failure : undefined);
    },
  );
}

/** SQLite binds every value: rows go in slices that stay under its limit of 32,766 variables. */
function insertBatch(db: Db) {
  return (batch: GeneratedBatch) =>
    db.transaction().execute(async (trx) => {
      for (const rows of slices(batch.tickets)) await trx.insertInto("ticket").values(rows).execute();
      for (const rows of slices(batch.tags)) await trx.insertInto("ticket_tag").values(rows).execute();
      for (const rows of slices(batch.events)) await trx.insertInto("ticket_event").values(rows).execute();
      for (const rows of slices(batch.clocks)) await trx.insertInto("sla_clock").values(rows).execute();
    });
}
