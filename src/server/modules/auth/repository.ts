// Sessions, one-time password links and login failures.
import { PreparedQuery } from "../../db/prepared";
import type { Executor, SessionTable, UserTokenTable } from "../../db/schema";

export type SessionRow = SessionTable;
export type TokenPurpose = "set_password" | "reset_password";

/**
 * What a request needs about the account it acts as (`u`, with its company `c`), whether a session
 * or an API token proves it.
 */
export const ACCOUNT_COLUMNS = [
  "u.id as userId",
  "u.name",
  "u.email",
  "u.role",
  "u.locale",
  "u.active",
  "u.company_id as companyId",
  "u.previous_login_at as previousLoginAt",
  "c.name as companyName",
  "c.cnpj as companyCnpj",
  "c.active as companyActive",
] as const;

/** The session and its account (exported for its query plan's test). */
export function sessionWithUserQuery(db: Executor, sessionId: string) {
  return db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .leftJoin("company as c", "c.id", "u.company_id")
    .select([
      "s.id as sessionId",
      "s.last_seen_at as lastSeenAt",
      "s.expires_at as expiresAt",
      ...ACCOUNT_COLUMNS,
    ])
    .where("s.id", "=", sessionId);
}
export type SessionWithUser = Awaited<
  ReturnType<ReturnType<typeof sessionWithUserQuery>["executeTakeFirstOrThrow"]>
>;

// Every API request runs this query: it is compiled once per database, then run with new values.
const sessionWithUser = PreparedQuery.single((db, values: { sessionId: string }) =>
  sessionWithUserQuery(db, values.sessionId),
);

/** The session with everything a request needs about its user, in one query. */
export function findSessionWithUser(db: Executor, sessionId: string): Promise<SessionWithUser | undefined> {
  return sessionWithUser.executeTakeFirst(db, null, { sessionId });
}

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto("session").values(row).execute();
}

export async function touchSession(db: Executor, sessionId: string, at: number): Promise<void> {
  await db.updateTable("session").set({ last_seen_at: at }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom("session").where("user_id", "=", userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: number, idleCutoff: number): Promise<number> {
  const result = await db
    .deleteFrom("session")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertUserToken(db: Executor, row: UserTokenTable): Promise<void> {
  await db.insertInto("user_token").values(row).execute();
}

/** Marks a link used if it is still valid; returns its owner, or undefined. Atomic: single use. */
export async function consumeUserToken(
  db: Executor,
  tokenId: string,
  now: number,
): Promise<string | undefined> {
  const row = await db
    .updateTable("user_token")
    .set({ used_at: now })
    .where("id", "=", tokenId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}

/** Voids a user's other open links once one is used or a new one is issued. */
export async function voidUserTokens(db: Executor, userId: string, now: number): Promise<void> {
  await db
    .updateTable("user_token")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}

/**
 * Counts a sign-in attempt before its password is checked: a row for the account and one for the
 * address (naming the account). A failed attempt stays counted; a successful one is cleared.
 */
export async function recordLoginAttempt(
  db: Executor,
  attempt: { accountKey: string; ipKey: string; email: string; at: number },
): Promise<void> {
  await db
    .insertInto("login_failure")
    .values([
      { key: attempt.accountKey, at: attempt.at, account: null },
      { key: attempt.ipKey, at: attempt.at, account: attempt.email },
    ])
    .execute();
}

/** Attempts on a key since `since`, oldest first (the oldest decides when the limit lifts). */
export async function loginFailuresSince(db: Executor, key: string, since: number): Promise<number[]> {
  const rows = await db
    .selectFrom("login_failure")
    .select("at")
    .where("key", "=", key)
    .where("at", ">", since)
    .orderBy("at")
    .execute();
  return rows.map((r) => r.at);
}

/**
 * The other accounts tried from an address since `since`: each one's latest attempt, oldest first.
 */
export async function otherAccountsTriedSince(
  db: Executor,
  ipKey: string,
  email: string,
  since: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom("login_failure")
    .select((eb) => eb.fn.max("at").as("last"))
    .where("key", "=", ipKey)
    .where("at", ">", since)
    .where("account", "is not", null)
    .where("account", "<>", email)
    .groupBy("account")
    .execute();
  return rows.map((r) => Number(r.last)).sort((a, b) => a - b);
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("login_failure").where("key", "=", key).execute();
}

/** After a successful sign-in, that account's attempts no longer count against the address. */
export async function clearAddressAttemptsFor(db: Executor, ipKey: string, email: string): Promise<void> {
  await db.deleteFrom("login_failure").where("key", "=", ipKey).where("account", "=", email).execute();
}

export async function pruneLoginFailures(db: Executor, keys: string[], before: number): Promise<void> {
  await db.deleteFrom("login_failure").where("key", "in", keys).where("at", "<=", before).execute();
}

/** The failed attempts in the window of each account key (`account:<email>`), oldest first. */
export async function accountFailuresSince(
  db: Executor,
  accountKeys: readonly string[],
  since: number,
): Promise<Map<string, number[]>> {
  const byKey = new Map<string, number[]>();
  if (accountKeys.length === 0) return byKey;
  const rows = await db
    .selectFrom("login_failure")
    .select(["key", "at"])
    .where("key", "in", accountKeys)
    .where("at", ">", since)
    .orderBy("key")
    .orderBy("at")
    .execute();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.at]);
  return byKey;
}

/** Lifts an account's sign-in lock: its own attempts and those counted against addresses for it. */
export async function clearAccountFailures(db: Executor, email: string): Promise<void> {
  await db
    .deleteFrom("login_failure")
    .where((eb) => eb.or([eb("key", "=", `account:${email}`), eb("account", "=", email)]))
    .execute();
}
