// A page's LIMIT written into the SQL rather than passed as a parameter. PostgreSQL plans a
// parameterized LIMIT as if it read a tenth of the rows, so the generic plan of a named statement
// (named-statements.ts) looks dearer than the custom ones and is never used; with the number in the
// text it costs the same, and PostgreSQL stops planning the page on every call.
import { type RawBuilder, sql } from "kysely";

export function rowLimit(limit: number): RawBuilder<number> {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`row limit: not a count: ${limit}`);
  return sql.lit(limit);
}
