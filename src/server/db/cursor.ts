// Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON.
import { errors } from "../errors";

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
