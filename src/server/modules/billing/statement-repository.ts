// The companies a statement lists, with their current plan's name and services (JSON).
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
export type CompanyWithPlan = Awaited<
  ReturnType<ReturnType<typeof companiesWithPlans>["executeTakeFirstOrThrow"]>
>;

/** Every company, by name: a statement is one row per company, like the company list itself. */
export function listCompaniesWithPlans(db: Executor): Promise<CompanyWithPlan[]> {
  return companiesWithPlans(db).orderBy("company.name").orderBy("company.id").execute();
}

export function findCompanyWithPlan(db: Executor, companyId: string): Promise<CompanyWithPlan | undefined> {
  return companiesWithPlans(db).where("company.id", "=", companyId).executeTakeFirst();
}
