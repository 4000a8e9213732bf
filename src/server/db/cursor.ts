// Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON.
import { type RawBuilder, sql } from "kysely";
import { errors } from "../errors";
import { dialectOf } from "./dialect";
import type { Executor } from "./schema";

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** Decodes a cursor into `count` strings or numbers; anything else is the client's error. */
export function decodeCursor(cursor: string, count: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(values) &&
      values.length === count &&
      values.every((v) => typeof v === "string" || typeof v === "number")
    ) {
      return values;
    }
  } catch {
    // falls through to the field error
  }
  throw errors.field("cursor", "validation.invalid_format", { cursor });
}

/** Cuts the one extra row a keyset query fetched and turns the last kept row into the next cursor. */
export function toPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => readonly (string | number)[],
): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** The common keyset of alphabetical lists: (name, id). */
export function decodeNameIdCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [name, id] = decodeCursor(cursor, 2);
  return { name: String(name), id: String(id) };
}

/**
 * A cursor's sort key as the right side of a row comparison, `(a, b) > <this>`. On PostgreSQL the
 * values come from a one-row subquery, which the planner does not look into: a page after a cursor
 * is then estimated as the first page is, and its named statement keeps the generic plan
 * (named-statements.ts). Compared as plain values, a deep page looks cheaper than the generic plan
 * and PostgreSQL plans it on every call (2–3 ms for the queue's six tables, against 0.3 ms to run it).
 * The index range is the same either way: the subquery runs once, before the scan.
 */
export function cursorKey(
  db: Executor,
  key: readonly (readonly [value: number, type: "bigint" | "integer"])[],
): RawBuilder<unknown> {
  if (dialectOf(db) === "postgres") {
    return sql`(select ${sql.join(key.map(([value, type]) => sql`cast(${value} as ${sql.raw(type)})`))})`;
  }
  return sql`(${sql.join(key.map(([value]) => sql`${value}`))})`;
}
