// Signing in and out, sessions, and passwords set through one-time links.
import type { ChangePasswordRequest, LoginRequest, SetPasswordRequest } from "../../../contracts/auth";
import type { PasswordLink } from "../../../contracts/users";
import type { AppContext, CommandMeta } from "../../context";
import { hashPassword, hashToken, newToken, verifyDecoy, verifyPassword } from "../../crypto";
import { lockNames } from "../../db/locks";
import type { Executor } from "../../db/schema";
import { toIso } from "../../db/time";
import { errors } from "../../errors";
import { endStreams } from "../../events/streams-end";
import { recordAccountEmail } from "../../mail/account-emails";
import { opsOf } from "../../ops-state";
import { recordAudit } from "../audit/repository";
import { isCompanyActive } from "../companies/repository";
import { findUser, findUserByEmail, updateUser } from "../users/repository";
import {
  accountFailuresSince,
  clearAddressAttemptsFor,
  clearLoginFailures,
  consumeUserToken,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  insertUserToken,
  loginFailuresSince,
  otherAccountsTriedSince,
  pruneLoginFailures,
  recordLoginAttempt,
  type SessionWithUser,
  type TokenPurpose,
  touchSession,
  voidUserTokens,
} from "./repository";

const MINUTE = 60_000;
/** A session's last-seen time is written at most this often: reads stay reads. */
const TOUCH_INTERVAL_MS = MINUTE;

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export interface NewSession {
  /** The cookie's value; only its hash is stored. */
  token: string;
  userId: string;
  expiresAt: number;
}

/** A new session for a user who just proved who they are (a password, an ERP link). */
export async function openSession(
  db: Executor,
  ctx: AppContext,
  userId: string,
  client: ClientInfo,
): Promise<NewSession> {
  const token = newToken();
  const now = ctx.clock.now();
  const expiresAt = now + ctx.config.session.absoluteHours * 60 * MINUTE;
  await insertSession(db, {
    id: hashToken(token),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    ip: client.ip,
    user_agent: client.userAgent.slice(0, 300),
  });
  return { token, userId, expiresAt };
}

/** Seconds until fewer than `max` failures remain in the window, or 0 when under the limit. */
function retryAfterSeconds(failures: number[], max: number, windowMs: number, now: number): number {
  if (failures.length < max) return 0;
  const decisive = failures[failures.length - max] ?? now;
  return Math.max(1, Math.ceil((decisive + windowMs - now) / 1000));
}

interface LoginAttempt {
  accountKey: string;
  ipKey: string;
  email: string;
  at: number;
}

/**
 * Counts an attempt before its password is checked, or refuses it with 429 when the account, or
 * the address, is at its limit. Check and count run under one lock per key (one write transaction
 * on SQLite), so that no number of parallel requests gets more password checks than the limit.
 * The address's limit counts distinct accounts: each account has its own limit against guessing,
 * and the address's is against one client trying many accounts, so one person's typos (or someone
 * hammering one known e-mail) cannot lock out everyone behind the same address.
 */
async function reserveLoginAttempt(ctx: AppContext, attempt: LoginAttempt): Promise<void> {
  const { maxFailuresPerAccount, maxFailuresPerIp, windowMinutes } = ctx.config.login;
  const windowMs = windowMinutes * MINUTE;
  const since = attempt.at - windowMs;
  const retryAfter = await ctx.db.transaction().execute(async (trx) => {
    await lockNames(trx, [attempt.accountKey, attempt.ipKey]);
    // A write first: on SQLite the transaction holds the write lock from here on, like IMMEDIATE.
    await pruneLoginFailures(trx, [attempt.accountKey, attempt.ipKey], since);
    const wait = Math.max(
      retryAfterSeconds(
        await loginFailuresSince(trx, attempt.accountKey, since),
        maxFailuresPerAccount,
        windowMs,
        attempt.at,
      ),
      retryAfterSeconds(
        await otherAccountsTriedSince(trx, attempt.ipKey, attempt.email, since),
        maxFailuresPerIp,
        windowMs,
        attempt.at,
      ),
    );
    if (wait === 0) await recordLoginAttempt(trx, attempt);
    return wait;
  });
  if (retryAfter > 0) {
    opsOf(ctx).throttled.login += 1;
    throw errors.rateLimited(retryAfter);
  }
}

/**
 * Signs a user in. Wrong e-mail, wrong password and a disabled account answer alike (an unknown
 * e-mail checks a decoy hash, so all take the same time). Every attempt is counted before its
 * password is checked and stays counted unless it succeeds; past the limit, 429 without a check.
 */
export async function login(ctx: AppContext, props: LoginRequest, client: ClientInfo): Promise<NewSession> {
  const attempt: LoginAttempt = {
    accountKey: `account:${props.email}`,
    ipKey: `ip:${client.ip}`,
    email: props.email,
    at: ctx.clock.now(),
  };
  await reserveLoginAttempt(ctx, attempt);

  const user = await findUserByEmail(ctx.db, props.email);
  const passwordOk = user?.password_hash
    ? await verifyPassword(user.password_hash, props.password)
    : await verifyDecoy(props.password);
  const companyActive = user?.company_id ? await isCompanyActive(ctx.db, user.company_id) : true;
  if (!user || !passwordOk || user.active !== 1 || !companyActive) throw errors.invalidCredentials();

  return ctx.db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, attempt.accountKey);
    await clearAddressAttemptsFor(trx, attempt.ipKey, attempt.email);
    const now = ctx.clock.now();
    await updateUser(trx, user.id, { previous_login_at: user.last_login_at, last_login_at: now });
    return openSession(trx, ctx, user.id, client);
  });
}

/** Ends one session, and its live-event streams in every process. */
export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId);
  await endStreams(ctx.live, { kind: "session", id: sessionId }, ctx.clock.now());
}

/** The session behind a cookie, if it is still valid; expired or disabled ones are removed. */
export async function authenticate(ctx: AppContext, token: string): Promise<SessionWithUser | undefined> {
  const sessionId = hashToken(token);
  const row = await findSessionWithUser(ctx.db, sessionId);
  if (!row) return undefined;
  const now = ctx.clock.now();
  const idleCutoff = now - ctx.config.session.idleMinutes * MINUTE;
  const usable =
    row.expiresAt > now && row.lastSeenAt > idleCutoff && row.active === 1 && row.companyActive !== 0;
  if (!usable) {
    await deleteSession(ctx.db, sessionId);
    return undefined;
  }
  if (now - row.lastSeenAt >= TOUCH_INTERVAL_MS) await touchSession(ctx.db, sessionId, now);
  return row;
}

/** Issues a one-time link for a user, voiding any earlier one. Runs inside the caller's transaction. */
export async function issuePasswordLink(
  trx: Executor,
  ctx: AppContext,
  meta: CommandMeta,
  userId: string,
  purpose: TokenPurpose,
): Promise<PasswordLink> {
  const now = ctx.clock.now();
  const ttl =
    purpose === "set_password"
      ? ctx.config.links.setPasswordHours * 60 * MINUTE
      : ctx.config.links.resetPasswordMinutes * MINUTE;
  if (!meta.origin) throw errors.publicUrlRequired();
  const token = newToken();
  await voidUserTokens(trx, userId, now);
  await insertUserToken(trx, {
    id: hashToken(token),
    user_id: userId,
    purpose,
    created_by: meta.actorId,
    created_at: now,
    expires_at: now + ttl,
    used_at: null,
  });
  await recordAudit(trx, meta, now, { action: `user.${purpose}_link`, targetType: "user", targetId: userId });
  // The token travels in the fragment: browsers send it neither to the server's logs nor in Referer.
  const url = `${meta.origin}/set-password#token=${token}`;
  // The link also goes to the person by e-mail, written with it (the outbox sends it after commit).
  const people = await trx
    .selectFrom("app_user")
    .select(["id", "name", "email", "locale"])
    .where("id", "in", meta.actorId ? [userId, meta.actorId] : [userId])
    .execute();
  const user = people.find((person) => person.id === userId);
  if (user) {
    const by =
      meta.actorId && meta.actorId !== userId
        ? people.find((person) => person.id === meta.actorId)
        : undefined;
    await recordAccountEmail(trx, ctx, {
      kind: purpose,
      user,
      url,
      expiresAt: now + ttl,
      byName: by?.name ?? null,
    });
  }
  return { url, expiresAt: toIso(now + ttl) };
}

/** Sets a password through a one-time link; every session of the user ends. */
export async function setPasswordWithLink(
  ctx: AppContext,
  meta: CommandMeta,
  props: SetPasswordRequest,
): Promise<void> {
  const passwordHash = await hashPassword(props.password);
  const userId = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const userId = await consumeUserToken(trx, hashToken(props.token), now);
    const user = userId ? await findUser(trx, { kind: "all" }, userId) : undefined;
    if (!user) throw errors.invalidLink();
    await voidUserTokens(trx, user.id, now);
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: now });
    await deleteSessionsOfUser(trx, user.id);
    // Whoever proved control of the link may sign in at once, even after failed guesses.
    await clearLoginFailures(trx, `account:${user.email}`);
    await recordAudit(trx, { ...meta, actorId: user.id }, now, {
      action: "user.password_set",
      targetType: "user",
      targetId: user.id,
    });
    return user.id;
  });
  await endStreams(ctx.live, { kind: "user", id: userId }, ctx.clock.now());
}

/**
 * Changes the signed-in user's password after re-checking the current one. All sessions end,
 * the caller's included; the caller gets a fresh session in their place.
 */
export async function changePassword(
  ctx: AppContext,
  meta: CommandMeta & { actorId: string },
  props: ChangePasswordRequest,
  client: ClientInfo,
): Promise<NewSession> {
  const user = await findUser(ctx.db, { kind: "all" }, meta.actorId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, props.currentPassword))) {
    throw errors.wrongPassword();
  }
  const passwordHash = await hashPassword(props.newPassword);
  const session = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: now });
    await deleteSessionsOfUser(trx, user.id);
    await voidUserTokens(trx, user.id, now);
    await recordAudit(trx, meta, now, {
      action: "user.password_changed",
      targetType: "user",
      targetId: user.id,
    });
    return openSession(trx, ctx, user.id, client);
  });
  // The caller's own streams end too: its browser reconnects with the new session's cookie.
  await endStreams(ctx.live, { kind: "user", id: user.id }, ctx.clock.now());
  return session;
}

/** Sets a password directly: for the operator's CLI and demo data only, never over HTTP. */
export async function setPasswordDirectly(
  ctx: AppContext,
  meta: CommandMeta,
  userId: string,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await updateUser(trx, userId, { password_hash: passwordHash, updated_at: now });
    await deleteSessionsOfUser(trx, userId);
    await voidUserTokens(trx, userId, now);
    await recordAudit(trx, meta, now, { action: "user.password_set", targetType: "user", targetId: userId });
  });
  await endStreams(ctx.live, { kind: "user", id: userId }, ctx.clock.now());
}

/** Links asked for one address, and asked from one network address, per sign-in window. */
export const FORGOT_MAX_PER_ACCOUNT = 3;
export const FORGOT_MAX_PER_IP = 10;

/**
 * "Esqueci minha senha": the same answer whatever the e-mail (an unknown, inactive or known one),
 * so the form tells no one who has an account. Limited per address asked for and per client address
 * (429 says nothing about the account either: every address is counted alike). An active account
 * gets its one-time link by e-mail, valid RESET_PASSWORD_LINK_MINUTES and voiding any earlier one;
 * setting the password ends every session (setPasswordWithLink).
 */
export async function requestPasswordReset(
  ctx: AppContext,
  meta: CommandMeta,
  email: string,
  client: ClientInfo,
): Promise<void> {
  // Checked before the account is looked up, so that a missing origin answers alike for every e-mail.
  if (!meta.origin) throw errors.publicUrlRequired();
  const now = ctx.clock.now();
  const accountKey = `reset:account:${email}`;
  const ipKey = `reset:ip:${client.ip}`;
  const since = now - ctx.config.login.windowMinutes * MINUTE;
  const retryAfter = await ctx.db.transaction().execute(async (trx) => {
    await lockNames(trx, [accountKey, ipKey]);
    await pruneLoginFailures(trx, [accountKey, ipKey], since);
    const windowMs = ctx.config.login.windowMinutes * MINUTE;
    const wait = Math.max(
      retryAfterSeconds(
        await loginFailuresSince(trx, accountKey, since),
        FORGOT_MAX_PER_ACCOUNT,
        windowMs,
        now,
      ),
      retryAfterSeconds(await loginFailuresSince(trx, ipKey, since), FORGOT_MAX_PER_IP, windowMs, now),
    );
    if (wait > 0) return wait;
    await recordLoginAttempt(trx, { accountKey, ipKey, email, at: now });
    const user = await findUserByEmail(trx, email);
    const companyActive = user?.company_id ? await isCompanyActive(trx, user.company_id) : true;
    if (user?.active !== 1 || !companyActive) return 0;
    await issuePasswordLink(
      trx,
      ctx,
      { ...meta, actorId: null },
      user.id,
      user.password_hash === null ? "set_password" : "reset_password",
    );
    return 0;
  });
  if (retryAfter > 0) {
    opsOf(ctx).throttled.passwordReset += 1;
    throw errors.rateLimited(retryAfter);
  }
  ctx.mailer?.nudge();
}

/**
 * Until when each account's sign-in is refused for too many failed attempts (its own limit, the
 * one "desbloquear" lifts); accounts that are not locked are left out.
 */
export async function signInLocksOf(
  ctx: AppContext,
  emails: readonly string[],
): Promise<Map<string, number>> {
  const { maxFailuresPerAccount, windowMinutes } = ctx.config.login;
  const windowMs = windowMinutes * MINUTE;
  const now = ctx.clock.now();
  const failures = await accountFailuresSince(
    ctx.db,
    emails.map((email) => `account:${email}`),
    now - windowMs,
  );
  const locks = new Map<string, number>();
  for (const email of emails) {
    const wait = retryAfterSeconds(
      failures.get(`account:${email}`) ?? [],
      maxFailuresPerAccount,
      windowMs,
      now,
    );
    if (wait > 0) locks.set(email, now + wait * 1000);
  }
  return locks;
}
