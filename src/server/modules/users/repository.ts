// Users in the database, scoped to a company for customers.
import type { Scope } from "../../../domain/policies";
import type { Executor, UserTable } from "../../db/schema";
import { scopedCompanyId } from "../../db/scope";

export type UserRow = UserTable;

// A company sees its users once they have a password: an account still waiting for its owner to
// set one could be a company admin's invitation, and whether an invitation created an account
// tells whether its e-mail was free (see inviteUser).
export function findUser(db: Executor, scope: Scope, id: string): Promise<UserRow | undefined> {
  const companyId = scopedCompanyId(scope);
  return db
    .selectFrom("app_user")
    .selectAll()
    .where("id", "=", id)
    .$if(companyId !== undefined, (q) =>
      q.where("company_id", "=", companyId ?? "").where("password_hash", "is not", null),
    )
    .executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("app_user").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

export interface UserListFilter {
  companyId?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

export function listUsers(db: Executor, scope: Scope, filter: UserListFilter): Promise<UserRow[]> {
  const scoped = scopedCompanyId(scope);
  const after = filter.after;
  return db
    .selectFrom("app_user")
    .selectAll()
    .$if(scoped !== undefined, (q) =>
      q.where("company_id", "=", scoped ?? "").where("password_hash", "is not", null),
    )
    .$if(filter.companyId !== undefined, (q) => q.where("company_id", "=", filter.companyId ?? ""))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("name", ">", after?.name ?? ""),
          eb.and([eb("name", "=", after?.name ?? ""), eb("id", ">", after?.id ?? "")]),
        ]),
      ),
    )
    .orderBy("name")
    .orderBy("id")
    .limit(filter.limit + 1)
    .execute();
}

export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto("app_user").values(row).execute();
}

export async function updateUser(
  db: Executor,
  id: string,
  changes: Partial<Omit<UserRow, "id" | "created_at">>,
): Promise<void> {
  await db.updateTable("app_user").set(changes).where("id", "=", id).execute();
}

/** Whether any account exists at all (an empty production database needs its first admin). */
export async function anyUserExists(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}
