// Recognizes the drivers' errors across dialects, so a lost race becomes a 409 and a refused value a
// 400, not a 500.
import pg from "pg";

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}

/**
 * PostgreSQL states worth retrying: serialization failure, deadlock, lock timeout, statement timeout
 * (query cancelled), shutdown, too many connections.
 */
const TRANSIENT_POSTGRES = new Set(["40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53300"]);
/** pg-pool's errors carry no code: no free connection within `connectionTimeoutMillis`. */
const POOL_WAIT_EXPIRED =
  /^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$/;
const TRANSIENT_SQLITE = new Set([
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_TIMEOUT",
  "SQLITE_LOCKED",
]);

export type DatabaseErrorKind = "unique" | "invalid_data" | "transient";

/** What a database error means for the caller, or undefined when it is not one we can explain. */
export function databaseErrorKind(error: unknown): DatabaseErrorKind | undefined {
  if (isUniqueViolation(error)) return "unique";
  if (error instanceof pg.DatabaseError && error.code !== undefined) {
    // Class 22, data exception: a value the column cannot hold (a NUL in text, an out-of-range number).
    if (error.code.startsWith("22")) return "invalid_data";
    if (TRANSIENT_POSTGRES.has(error.code) || error.code.startsWith("08")) return "transient";
    return undefined;
  }
  if (error instanceof Error && !("code" in error) && POOL_WAIT_EXPIRED.test(error.message))
    return "transient";
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  if (code === "SQLITE_TOOBIG") return "invalid_data";
  return typeof code === "string" && TRANSIENT_SQLITE.has(code) ? "transient" : undefined;
}
