// The companies a statement lists, with their current plan's name and services (decoded here).
import { type Decoded, json } from "../../db/json";
import type { Executor } from "../../db/schema";

function companiesWithPlans(db: Executor) {
  return db
    .selectFrom("company")
    .leftJoin("plan", "plan.id", "company.plan_id")
    .select([
      "company.id",
      "company.name",
      "company.cnpj",
      "company.active",
      "plan.name as plan_name",
      "plan.services as plan_services",
    ]);
}
type StoredCompanyWithPlan = Awaited<
  ReturnType<ReturnType<typeof companiesWithPlans>["executeTakeFirstOrThrow"]>
>;
export type CompanyWithPlan = Decoded<StoredCompanyWithPlan>;

const decoded = (row: StoredCompanyWithPlan): CompanyWithPlan => ({
  ...row,
  plan_services: json.planServices.decode(row.plan_services),
});

/** Every company, by name: a statement is one row per company, like the company list itself. */
export async function listCompaniesWithPlans(db: Executor): Promise<CompanyWithPlan[]> {
  const rows = await companiesWithPlans(db).orderBy("company.name").orderBy("company.id").execute();
  return rows.map(decoded);
}

export async function findCompanyWithPlan(
  db: Executor,
  companyId: string,
): Promise<CompanyWithPlan | undefined> {
  const row = await companiesWithPlans(db).where("company.id", "=", companyId).executeTakeFirst();
  return row && decoded(row);
}
