// PostgreSQL named (server-side prepared) statements for the hot reads. Kysely sends every query
// unnamed, so PostgreSQL parses, analyzes and plans it on every call: for the console's queue (six
// tables) planning costs 2–3 ms, three times running it. A named statement is parsed once per
// connection, and after five runs PostgreSQL keeps a generic plan when it costs no more than the
// custom ones: no planning at all from then on.
//
// Only SQL registered here is named: what `PreparedQuery` compiles (a bounded set of shapes, so a
// connection holds a bounded set of statements). Everything else stays unnamed. A name stands for
// one text in this process; each connection parses it the first time it sees it.
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import type { StatementListener } from "./statements";

const names = new Map<string, string>();
let generation = 0;

/** Runs `sql` as a named statement on PostgreSQL from now on. */
export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `extranet_${names.size + 1}`);
}

/** The statement's name, if it has one. */
export function statementNameOf(sql: string): string | undefined {
  return names.get(sql);
}

/**
 * A prepared `select *` whose table gained or lost a column (a migration run by another process
 * during a rolling deploy) fails with "cached plan must not change result type": the statement is
 * renamed, so every connection parses it afresh, and run again.
 */
function isStaleResultType(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "0A000" &&
    String((error as { message?: unknown }).message).includes("cached plan must not change result type")
  );
}

function rename(sql: string): void {
  generation += 1;
  names.set(sql, `extranet_${names.size + 1}_${generation}`);
}

async function run(
  client: pg.PoolClient,
  sql: string,
  parameters: readonly unknown[],
): Promise<pg.QueryResult> {
  const name = names.get(sql);
  // pg types `values` as a mutable array; it only reads it.
  const values = parameters as unknown[];
  if (name === undefined) return client.query(sql, values);
  try {
    return await client.query({ name, text: sql, values });
  } catch (error) {
    if (!isStaleResultType(error)) throw error;
    rename(sql);
    return client.query({ name: names.get(sql), text: sql, values });
  }
}

const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();

function namingClient(client: pg.PoolClient, onStatement: StatementListener | undefined): PostgresPoolClient {
  let wrapper = wrapped.get(client);
  if (!wrapper) {
    // Kysely's overloads (a query, or a cursor for streaming), as one function.
    const query = (sqlOrCursor: string | PostgresCursor<unknown>, parameters?: readonly unknown[]) => {
      if (typeof sqlOrCursor !== "string") return client.query(sqlOrCursor as unknown as pg.Submittable);
      onStatement?.(sqlOrCursor);
      return run(client, sqlOrCursor, parameters ?? []);
    };
    wrapper = {
      query: query as unknown as PostgresPoolClient["query"],
      release: (destroy?: boolean) => client.release(destroy),
    };
    // The same wrapper for the same connection: Kysely keeps its connection object per client.
    wrapped.set(client, wrapper);
  }
  return wrapper;
}

/**
 * The pool as Kysely's PostgreSQL dialect takes it, running registered SQL as named statements and
 * telling `onStatement` (the round-trip tests) the SQL of every query its connections send.
 */
export function namingPool(pool: pg.Pool, onStatement?: StatementListener): PostgresPool {
  return {
    connect: async () => namingClient(await pool.connect(), onStatement),
    end: () => pool.end(),
  };
}
