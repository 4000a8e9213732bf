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
  active?: boolean | undefined;
  planId?: string | undefined;
  state?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** Statuses of a ticket still being worked on ("em aberto" in the company list). */
export const OPEN_TICKET_STATUSES = ["open", "in_progress", "waiting_customer"] as const;

/** A company with its plan's name and its two counts, as the console lists it. */
export type CompanySummaryRow = CompanyRow & {
  plan_name: string | null;
  active_users: number | string;
  open_tickets: number | string;
};

function summaryQuery(db: Executor) {
  return db
    .selectFrom("company")
    .leftJoin("plan", "plan.id", "company.plan_id")
    .selectAll("company")
    .select((eb) => [
      "plan.name as plan_name",
      eb
        .selectFrom("app_user")
        .select((sub) => sub.fn.countAll().as("n"))
        .whereRef("app_user.company_id", "=", "company.id")
        .where("app_user.active", "=", 1)
        .as("active_users"),
      eb
        .selectFrom("ticket")
        .select((sub) => sub.fn.countAll().as("n"))
        .whereRef("ticket.company_id", "=", "company.id")
        .where("ticket.status", "in", OPEN_TICKET_STATUSES)
        .as("open_tickets"),
    ]);
}

/** Companies by name with their counts, in one query (the counts are correlated subqueries on indexes). */
export function listCompanies(
  db: Executor,
  scope: Scope,
  filter: CompanyListFilter,
): Promise<CompanySummaryRow[]> {
  const q = filter.q?.toLowerCase();
  // A CNPJ typed with or without its punctuation ("11.444.777/0001-61"); a name is not matched as one.
  const bare = filter.q?.replace(/[./\-\s]/g, "").toUpperCase();
  const digits = bare && /^[0-9A-Z]*[0-9][0-9A-Z]*$/.test(bare) ? bare : undefined;
  const after = filter.after;
  const companyId = scopedCompanyId(scope);
  return summaryQuery(db)
    .$if(companyId !== undefined, (qb) => qb.where("company.id", "=", companyId ?? ""))
    .$if(q !== undefined && q !== "", (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(eb.fn("lower", ["company.name"]), "like", `%${q}%`),
          ...(digits ? [eb("company.cnpj", "like", `%${digits}%`)] : []),
        ]),
      ),
    )
    .$if(filter.active !== undefined, (qb) => qb.where("company.active", "=", filter.active ? 1 : 0))
    .$if(filter.planId !== undefined, (qb) => qb.where("company.plan_id", "=", filter.planId ?? ""))
    .$if(filter.state !== undefined, (qb) =>
      qb.where("company.state", "=", (filter.state ?? "") as CompanyRow["state"]),
    )
    .$if(after !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("company.name", ">", after?.name ?? ""),
          eb.and([eb("company.name", "=", after?.name ?? ""), eb("company.id", ">", after?.id ?? "")]),
        ]),
      ),
    )
    .orderBy("company.name")
    .orderBy("company.id")
    .limit(filter.limit + 1)
    .execute() as Promise<CompanySummaryRow[]>;
}

/** One company with its counts (the console's company page). */
export function findCompanySummary(db: Executor, id: string): Promise<CompanySummaryRow | undefined> {
  return summaryQuery(db).where("company.id", "=", id).executeTakeFirst() as Promise<
    CompanySummaryRow | undefined
  >;
}

/** The company's latest tickets, newest first. */
export function recentTicketsOf(db: Executor, companyId: string, limit: number) {
  return db
    .selectFrom("ticket")
    .select(["number", "subject", "status", "created_at"])
    .where("company_id", "=", companyId)
    .orderBy("created_at", "desc")
    .orderBy("number", "desc")
    .limit(limit)
    .execute();
}

/** Ends every session of the company's users (deactivating it). */
export async function deleteSessionsOfCompany(db: Executor, companyId: string): Promise<void> {
  await db
    .deleteFrom("session")
    .where("user_id", "in", (eb) =>
      eb.selectFrom("app_user").select("id").where("company_id", "=", companyId),
    )
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
