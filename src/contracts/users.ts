// Accounts: created by staff (no self sign-up); the new user sets a password through a one-time link.
import { z } from "zod";
import { Email, Id, Instant, Locale, PageQuery, pageOf, Role } from "./common";

export const CreateUserRequest = z.strictObject({
  name: z.string().trim().min(2).max(120),
  email: Email,
  role: Role,
  /** Required for customer roles, absent for staff. */
  companyId: Id.optional(),
  locale: Locale.default("pt-BR"),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  /**
   * Within the same side (staff ↔ staff, customer ↔ customer); only an admin grants admin or
   * supervisor, and the last active admin keeps the role.
   */
  role: Role.optional(),
  locale: Locale.optional(),
  /** Disabling an account ends all its sessions. */
  active: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  companyId: Id.nullable(),
  locale: Locale,
  active: z.boolean(),
  /** False until the user has set a password through the link. */
  hasPassword: z.boolean(),
  lastLoginAt: Instant.nullable(),
  createdAt: Instant,
  /** The company's name, for customers (null for staff). */
  companyName: z.string().nullable().optional(),
  /**
   * Until when sign-in is refused after too many failed attempts ("bloqueado"); null when not.
   * Staff only (and never to a customer about another account).
   */
  lockedUntil: Instant.nullable().optional(),
});
export type User = z.infer<typeof User>;

/** A one-time link. Until e-mail is wired, the staff member who asked for it hands it over. */
export const PasswordLink = z.object({
  url: z.string(),
  expiresAt: Instant,
});
export type PasswordLink = z.infer<typeof PasswordLink>;

export const CreatedUser = z.object({ user: User, setPasswordLink: PasswordLink });

/**
 * A company admin's invitation (202): the same answer whether the account was created or the
 * e-mail is already in use, so that no admin learns of another company's users. The new user
 * appears in the company's list once they have set their password through the support team's link.
 */
export const UserInvitation = z.object({ status: z.literal("invited"), email: z.string() });
export type UserInvitation = z.infer<typeof UserInvitation>;

export const UserIdParams = z.strictObject({ userId: Id });
export const UserListQuery = PageQuery.extend({
  companyId: Id.optional(),
  role: Role.optional(),
  /** "true": active accounts only; "false": deactivated ones only. */
  active: z.enum(["true", "false"]).optional(),
  /** Matches name or e-mail. */
  q: z.string().trim().max(100).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
export const UserPage = pageOf(User);
