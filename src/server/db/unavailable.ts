// Why the database cannot be reached or opened, in one line an operator can act on (no stack trace):
// "cannot connect to PostgreSQL at 127.0.0.1:5999: connection refused".
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DatabaseUnavailableError } from "./unavailable-error";

const CONNECT_TIMEOUT_MS = 10_000;

/** Connects once and asks `select 1`; throws DatabaseUnavailableError saying what is wrong. */
export async function ensurePostgresReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A failed connection may still emit 'error' after connect() rejected; it is reported below.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot connect to PostgreSQL at ${postgresAddress(url)}: ${postgresReason(error)}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** host:port as the URL names them (a socket folder when the host is one). */
export function postgresAddress(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get("host") ?? (parsed.hostname.replace(/^\[|\]$/g, "") || "localhost");
    return host.startsWith("/") ? host : `${host}:${parsed.port || "5432"}`;
  } catch {
    return "the address in DATABASE_URL";
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found (DNS lookup failed)",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  ENOENT: "no server socket at that path",
};

function postgresReason(error: unknown): string {
  // Node tries every address of a name (IPv6 and IPv4) and reports them together.
  const first = error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  const code = errorCode(first) ?? errorCode(error);
  if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  const message = first instanceof Error ? first.message : String(first);
  if (/timeout/i.test(message)) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  // The server's own words: `database "x" does not exist`, `password authentication failed for user "y"`.
  return message;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** Creates the SQLite file's folder if needed and checks it is writable (SQLite writes -wal and -shm beside it). */
export function prepareSqliteFolder(file: string): void {
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw sqliteUnavailable(file, `cannot create the folder ${folder} (${fileSystemReason(error)})`);
  }
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw sqliteUnavailable(file, `the folder ${folder} is not writable`);
  }
}

/** The error of opening or configuring the SQLite file, as one line. */
export function sqliteOpenFailed(file: string, error: unknown): DatabaseUnavailableError {
  if (errorCode(error) === "SQLITE_READONLY") return sqliteUnavailable(file, "the file is read-only");
  return sqliteUnavailable(file, error instanceof Error ? error.message : String(error));
}

function sqliteUnavailable(file: string, reason: string): DatabaseUnavailableError {
  return new DatabaseUnavailableError(`cannot open the SQLite database ${file}: ${reason}`);
}

const FILE_SYSTEM_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is in the way",
  ENOSPC: "no space left on the device",
};

function fileSystemReason(error: unknown): string {
  const code = errorCode(error);
  if (code && FILE_SYSTEM_REASONS[code]) return FILE_SYSTEM_REASONS[code];
  return error instanceof Error ? error.message : String(error);
}
