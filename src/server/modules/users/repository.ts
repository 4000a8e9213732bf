// Users in the database, scoped to a company for customers.

import { SERVICE_ACCOUNT_DOMAIN } from "../../../contracts/tokens";
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
  role?: UserRow["role"] | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** A user with the name of its company (null for staff). */
export type UserWithCompanyRow = UserRow & { company_name: string | null };

export function listUsers(db: Executor, scope: Scope, filter: UserListFilter): Promise<UserWithCompanyRow[]> {
  const scoped = scopedCompanyId(scope);
  const after = filter.after;
  const q = filter.q?.toLowerCase();
  return (
    db
      .selectFrom("app_user")
      .leftJoin("company", "company.id", "app_user.company_id")
      .selectAll("app_user")
      .select("company.name as company_name")
      // Service tokens' own accounts are not people.
      .where("app_user.email", "not like", `%@${SERVICE_ACCOUNT_DOMAIN}`)
      .$if(scoped !== undefined, (qb) =>
        qb.where("app_user.company_id", "=", scoped ?? "").where("app_user.password_hash", "is not", null),
      )
      .$if(filter.companyId !== undefined, (qb) =>
        qb.where("app_user.company_id", "=", filter.companyId ?? ""),
      )
      .$if(filter.role !== undefined, (qb) => qb.where("app_user.role", "=", filter.role ?? "customer"))
      .$if(filter.active !== undefined, (qb) => qb.where("app_user.active", "=", filter.active ? 1 : 0))
      .$if(q !== undefined && q !== "", (qb) =>
        qb.where((eb) =>
          eb.or([
            eb(eb.fn("lower", ["app_user.name"]), "like", `%${q}%`),
            eb("app_user.email", "like", `%${q}%`),
          ]),
        ),
      )
      .$if(after !== undefined, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb("app_user.name", ">", after?.name ?? ""),
            eb.and([eb("app_user.name", "=", after?.name ?? ""), eb("app_user.id", ">", after?.id ?? "")]),
          ]),
        ),
      )
      .orderBy("app_user.name")
      .orderBy("app_user.id")
      .limit(filter.limit + 1)
      .execute()
  );
}

/** Active admins other than `exceptId`: the last one may be neither demoted nor deactivated. */
export async function countOtherActiveAdmins(db: Executor, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom("app_user")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .where("id", "<>", exceptId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The name of a user's company, for presenting one user. */
export async function companyNameOf(db: Executor, companyId: string | null): Promise<string | null> {
  if (companyId === null) return null;
  const row = await db.selectFrom("company").select("name").where("id", "=", companyId).executeTakeFirst();
  return row?.name ?? null;
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
