import type { User } from "../../../contracts/users";
import { toIso, toIsoOrNull } from "../../db/time";
import type { UserRow } from "./repository";

export function presentUser(row: UserRow): User {
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
  };
}
