// Companies in the database. Customer scoping happens here: a scoped read never sees another company.
import type { Scope } from "../../../domain/policies";
import type { CompanyTable, Executor } from "../../db/schema";
import { scopedCompanyId } from "../../db/scope";

export type CompanyRow = CompanyTable;

export function findCompany(db: Executor, scope: Scope, id: string): Promise<CompanyRow | undefined> {
  const companyId = scopedCompanyId(scope);
  return db
    .selectFrom("company")
    .selectAll()
    .where("id", "=", id)
    .$if(companyId !== undefined, (q) => q.where("id", "=", companyId ?? ""))
    .executeTakeFirst();
}

export function findCompanyByCnpj(db: Executor, cnpj: string): Promise<CompanyRow | undefined> {
  return db.selectFrom("company").selectAll().where("cnpj", "=", cnpj).executeTakeFirst();
}

export interface CompanyListFilter {
  q?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

export function listCompanies(db: Executor, scope: Scope, filter: CompanyListFilter): Promise<CompanyRow[]> {
  const q = filter.q?.toLowerCase();
  const after = filter.after;
  const companyId = scopedCompanyId(scope);
  return db
    .selectFrom("company")
    .selectAll()
    .$if(companyId !== undefined, (qb) => qb.where("id", "=", companyId ?? ""))
    .$if(q !== undefined && q !== "", (qb) =>
      qb.where((eb) =>
        eb.or([eb(eb.fn("lower", ["name"]), "like", `%${q}%`), eb("cnpj", "like", `%${q?.toUpperCase()}%`)]),
      ),
    )
    .$if(after !== undefined, (qb) =>
      qb.where((eb) =>
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

export async function insertCompany(db: Executor, row: CompanyRow): Promise<void> {
  await db.insertInto("company").values(row).execute();
}

export async function updateCompany(
  db: Executor,
  id: string,
  changes: Partial<Omit<CompanyRow, "id" | "cnpj" | "created_at">>,
): Promise<void> {
  await db.updateTable("company").set(changes).where("id", "=", id).execute();
}

export async function isCompanyActive(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom("company").select("active").where("id", "=", id).executeTakeFirst();
  return row?.active === 1;
}
