// Many rows in one statement, but not too many: SQLite and PostgreSQL cap a statement's parameters
// (32,766 and 65,535), so multi-row inserts and `in (…)` lists go in slices.

/** Rows per statement: 500 rows of up to 60 columns stay under both databases' limits. */
export const ROWS_PER_STATEMENT = 500;

/** `rows` in consecutive slices of at most `size`, in order. */
export function* slices<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
