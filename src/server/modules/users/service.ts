// Account use cases: staff (or a company's admin) create users, who then set a password via a link.
import { isStaffRole } from "../../../contracts/common";
import type {
  CreateUserRequest,
  PasswordLink,
  UpdateUserRequest,
  UserInvitation,
  UserListQuery,
} from "../../../contracts/users";
import type { Scope } from "../../../domain/policies";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeNameIdCursor, toPage } from "../../db/cursor";
import { isUniqueViolation } from "../../db/errors";
import { lockNames } from "../../db/locks";
import { type Executor, flag } from "../../db/schema";
import { errors } from "../../errors";
import { endStreams } from "../../events/streams-end";
import { auditChanges } from "../audit/changes";
import { recordAudit } from "../audit/repository";
import { clearAccountFailures, deleteSessionsOfUser } from "../auth/repository";
import { issuePasswordLink, signInLocksOf } from "../auth/service";
import { findCompany } from "../companies/repository";
import {
  companyNameOf,
  countOtherActiveAdmins,
  findUser,
  findUserByEmail,
  insertUser,
  listUsers,
  type UserRow,
  type UserWithCompanyRow,
  updateUser,
} from "./repository";

/** Creates an account without a password and returns the one-time link that sets it. */
export async function createUser(
  ctx: AppContext,
  meta: CommandMeta,
  props: CreateUserRequest,
): Promise<{ user: UserRow; link: PasswordLink }> {
  const staff = isStaffRole(props.role);
  if (staff && props.companyId) throw errors.rule("user.company_not_allowed");
  if (!staff && !props.companyId) throw errors.rule("user.company_required");
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (props.companyId) {
        const company = await findCompany(trx, { kind: "all" }, props.companyId);
        if (!company) throw errors.field("companyId", "error.company.not_found", props);
        if (company.active !== 1) throw errors.rule("user.company_inactive");
      }
      if (await findUserByEmail(trx, props.email)) throw errors.conflictOn("user.email_taken", "email");
      const now = ctx.clock.now();
      const user = newUserRow(props, now);
      await insertUser(trx, user);
      await recordAudit(trx, meta, now, {
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, role: user.role, companyId: user.company_id },
      });
      const link = await issuePasswordLink(trx, ctx, meta, user.id, "set_password");
      return { user, link };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflictOn("user.email_taken", "email");
    throw error;
  }
}

/**
 * A company admin's invitation. It answers the same whatever becomes of it, so that an admin
 * cannot probe whether an e-mail is in use in another company: a free e-mail becomes an account
 * without a password (hidden from the company until its owner sets one through the link e-mailed to
 * them with the invitation); an e-mail in use anywhere creates nothing and is recorded in the audit
 * trail for staff. The admin gets no link: whoever holds the link of a new account could set its
 * password and so tell a free e-mail from a taken one.
 */
export async function inviteUser(
  ctx: AppContext,
  meta: CommandMeta,
  props: CreateUserRequest & { companyId: string },
): Promise<UserInvitation> {
  const invitation: UserInvitation = { status: "invited", email: props.email };
  const recordIgnored = (db: Executor) =>
    recordAudit(db, meta, ctx.clock.now(), {
      action: "user.invitation_ignored",
      targetType: "company",
      targetId: props.companyId,
      details: { email: props.email, role: props.role, reason: "email_in_use" },
    });
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, props.email)) return recordIgnored(trx);
      const now = ctx.clock.now();
      const user = newUserRow(props, now);
      await insertUser(trx, user);
      await recordAudit(trx, meta, now, {
        action: "user.invited",
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, role: user.role, companyId: user.company_id },
      });
      // The link goes to the new colleague by e-mail only (written with the link, in this transaction).
      await issuePasswordLink(trx, ctx, meta, user.id, "set_password");
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await recordIgnored(ctx.db);
  }
  return invitation;
}

function newUserRow(props: CreateUserRequest, now: number): UserRow {
  return {
    id: newId(),
    company_id: props.companyId ?? null,
    name: props.name,
    email: props.email,
    password_hash: null,
    role: props.role,
    locale: props.locale,
    active: 1,
    last_login_at: null,
    previous_login_at: null,
    created_at: now,
    updated_at: now,
    anonymized_at: null,
  };
}

/**
 * Changes an account the caller is authorized to manage (the route has checked the new role too),
 * audited field by field. A role changes within its side only; the last active admin keeps the
 * role and stays active (checked under a lock, so two admins cannot demote each other at once).
 * Deactivating ends every session of the account at once; nothing is deleted.
 */
export async function changeUser(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  props: UpdateUserRequest,
): Promise<UserRow> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    await lockNames(trx, [ADMINS_LOCK]);
    const current = await findUser(trx, { kind: "all" }, id);
    if (!current) throw errors.notFound("user.not_found");
    if (props.role !== undefined && isStaffRole(props.role) !== isStaffRole(current.role))
      throw errors.rule("user.role_side");
    const losesAdmin =
      current.role === "admin" &&
      current.active === 1 &&
      ((props.role !== undefined && props.role !== "admin") || props.active === false);
    if (losesAdmin && (await countOtherActiveAdmins(trx, id)) === 0) throw errors.lastAdmin();
    if (props.active === false && meta.actorId === id) throw errors.rule("user.self_disable");
    const now = ctx.clock.now();
    const changes = {
      ...(props.name !== undefined && { name: props.name }),
      ...(props.locale !== undefined && { locale: props.locale }),
      ...(props.role !== undefined && { role: props.role }),
      ...(props.active !== undefined && { active: flag(props.active) }),
      updated_at: now,
    };
    await updateUser(trx, id, changes);
    if (props.active === false) await deleteSessionsOfUser(trx, id);
    const before = {
      name: current.name,
      locale: current.locale,
      role: current.role,
      active: current.active === 1,
    };
    const audited = auditChanges(before, props);
    if (Object.keys(audited).length > 0) {
      await recordAudit(trx, meta, now, {
        action: userActionOf(props, current),
        targetType: "user",
        targetId: id,
        changes: audited,
      });
    }
    return { ...current, ...changes };
  });
  if (props.active === false) await endStreams(ctx.live, { kind: "user", id }, ctx.clock.now());
  return row;
}

/** One lock for every change that could leave no active admin. */
const ADMINS_LOCK = "users:active-admins";

function userActionOf(props: UpdateUserRequest, current: UserRow): string {
  if (props.active === false && current.active === 1) return "user.deactivated";
  if (props.active === true && current.active === 0) return "user.reactivated";
  if (props.role !== undefined && props.role !== current.role) return "user.role_changed";
  return "user.updated";
}

/** Lifts the account's sign-in lock ("desbloquear"), audited. */
export async function unlockUser(ctx: AppContext, meta: CommandMeta, user: UserRow): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, user.email);
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "user.unlocked",
      targetType: "user",
      targetId: user.id,
    });
  });
}

/** Until when each listed account's sign-in is locked (null: not locked). */
export async function locksOf(ctx: AppContext, rows: readonly UserRow[]): Promise<Map<string, number>> {
  return signInLocksOf(
    ctx,
    rows.map((row) => row.email),
  );
}

/** A new one-time link: "set" for an account that never had a password, "reset" otherwise. */
export async function issueLinkFor(ctx: AppContext, meta: CommandMeta, user: UserRow): Promise<PasswordLink> {
  const purpose = user.password_hash === null ? "set_password" : "reset_password";
  return ctx.db.transaction().execute((trx) => issuePasswordLink(trx, ctx, meta, user.id, purpose));
}

export function getUser(ctx: AppContext, scope: Scope, id: string): Promise<UserRow | undefined> {
  return findUser(ctx.db, scope, id);
}

export async function pageUsers(
  ctx: AppContext,
  scope: Scope,
  query: Omit<UserListQuery, "limit"> & { limit: number },
): Promise<{ rows: UserWithCompanyRow[]; nextCursor: string | null }> {
  const rows = await listUsers(ctx.db, scope, {
    companyId: query.companyId,
    role: query.role,
    active: query.active === undefined ? undefined : query.active === "true",
    q: query.q,
    after: decodeNameIdCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (row) => [row.name, row.id]);
}

export function companyNameOfUser(ctx: AppContext, row: UserRow): Promise<string | null> {
  return companyNameOf(ctx.db, row.company_id);
}
