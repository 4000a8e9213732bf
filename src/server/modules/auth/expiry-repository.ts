// What sign-in leaves behind once it no longer matters: login failures past the throttle's window,
// and one-time links already used or expired. (Expired sessions: deleteExpiredSessions.)
import type { Executor } from "../../db/schema";

/** Failures at or before `before` count toward no limit any more; returns how many went. */
export async function purgeLoginFailures(db: Executor, before: number): Promise<number> {
  const result = await db.deleteFrom("login_failure").where("at", "<=", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One-time links that can never be used again (used, voided or expired); returns how many went. */
export async function purgeSpentUserTokens(db: Executor, now: number): Promise<number> {
  const result = await db
    .deleteFrom("user_token")
    .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<=", now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
