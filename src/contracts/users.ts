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
export const UserListQuery = PageQuery.extend({ companyId: Id.optional() });
export const UserPage = pageOf(User);
