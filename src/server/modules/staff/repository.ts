// The support team's active members. Staff rows have no company, so the company index (company_id,
// name, id) serves "company_id is null, by name" directly.
import { type Role, STAFF_ROLES } from "../../../contracts/common";
import type { Executor } from "../../db/schema";

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: Role;
}

function activeStaff(db: Executor) {
  return db
    .selectFrom("app_user")
    .select(["id", "name", "email", "role"])
    .where("company_id", "is", null)
    .where("role", "in", STAFF_ROLES)
    .where("active", "=", 1);
}

/** Every active staff member, by name. */
export function listActiveStaff(db: Executor): Promise<StaffRow[]> {
  return activeStaff(db).orderBy("name").orderBy("id").execute();
}

export function findActiveStaff(db: Executor, id: string): Promise<StaffRow | undefined> {
  return activeStaff(db).where("id", "=", id).executeTakeFirst();
}
