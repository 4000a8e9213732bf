// Bulk loading into PostgreSQL with `COPY … FROM STDIN` (text format): rows become lines sent in
// chunks of about 64 KB as the connection takes them, never gathered into one large string.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const CHUNK = 64 * 1024;
const SPECIAL = /[\\\t\n\r]/;

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * One value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. The
 * schema's columns are integers and text (flags and instants are numbers on both databases).
 */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value !== "string") throw new Error(`COPY cannot send ${typeof value} values`);
  if (!SPECIAL.test(value)) return value;
  return value
    .replaceAll("\\", "\\\\")
    .replaceAll("\t", "\\t")
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r");
}

/** One row, its values in the columns' order, as a COPY text line. */
export function copyLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + copyValue(values[i]);
  return `${line}\n`;
}

export interface CopyOptions {
  /** Rows per chunk at most (a chunk also ends at about 64 KB). */
  chunkRows?: number;
  /** Hears how many rows each chunk carried, as it is handed to the connection. */
  onRows?: (count: number) => void;
}

function* chunksOf(rows: Iterable<readonly unknown[]>, options: CopyOptions): Generator<string> {
  const { chunkRows = Number.POSITIVE_INFINITY, onRows = () => {} } = options;
  let chunk = "";
  let count = 0;
  for (const row of rows) {
    chunk += copyLine(row);
    count++;
    if (chunk.length >= CHUNK || count >= chunkRows) {
      yield chunk;
      onRows(count);
      chunk = "";
      count = 0;
    }
  }
  if (chunk.length > 0) {
    yield chunk;
    onRows(count);
  }
}

/**
 * Streams `rows` into `table` with COPY on `client` (inside the caller's transaction, if any) and
 * returns the row count PostgreSQL reports. A failed COPY rejects; the caller rolls back.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  options: CopyOptions = {},
): Promise<number> {
  const stream = client.query(copyFrom(`copy ${quote(table)} (${columns.map(quote).join(", ")}) from stdin`));
  await pipeline(Readable.from(chunksOf(rows, options), { objectMode: false }), stream);
  return stream.rowCount;
}

/** A batch of one table's rows as objects, COPY'd by their keys (a key a row lacks is null, as in an insert). */
export function copyObjects(client: pg.ClientBase, table: string, rows: readonly object[]): Promise<number> {
  if (rows.length === 0) return Promise.resolve(0);
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  const names = [...columns];
  function* values(): Generator<unknown[]> {
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      yield names.map((name) => record[name]);
    }
  }
  return copyRows(client, table, names, values());
}
