// User rows to the contract's shape: the password hash never leaves the server.
import type { Locale, Role } from "../../../contracts/common";
import type { User } from "../../../contracts/users";
import { toIso, toIsoOrNull } from "../../db/time";
import type { UserRow } from "./repository";

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    companyId: row.company_id,
    locale: row.locale as Locale,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    lastLoginAt: toIsoOrNull(row.last_login_at),
    createdAt: toIso(row.created_at),
  };
}
