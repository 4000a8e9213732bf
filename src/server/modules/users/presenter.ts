import type { User } from "../../../contracts/users";
import { toIso, toIsoOrNull } from "../../db/time";
import type { UserRow } from "./repository";

/** Extras a caller may be shown: the company's name, and (staff only) a sign-in lock. */
export interface UserExtras {
  companyName?: string | null;
  /** Epoch ms until when sign-in is refused; null when not locked; absent when not for this reader. */
  lockedUntil?: number | null;
}

export function presentUser(row: UserRow, extras: UserExtras = {}): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    companyId: row.company_id,
    locale: row.locale,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    lastLoginAt: toIsoOrNull(row.last_login_at),
    createdAt: toIso(row.created_at),
    ...(extras.companyName !== undefined && { companyName: extras.companyName }),
    ...(extras.lockedUntil !== undefined && { lockedUntil: toIsoOrNull(extras.lockedUntil) }),
  };
}
