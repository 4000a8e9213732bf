// Company rows to the contract's shape.
import type { Company, CompanyStorage } from "../../../contracts/companies";
import { toIso } from "../../db/time";
import type { CompanyRow } from "./repository";

/** `storage` only for those who may read it (policies.company.readStorage). */
export function presentCompany(row: CompanyRow, storage?: CompanyStorage): Company {
  return {
    id: row.id,
    name: row.name,
    cnpj: row.cnpj,
    state: row.state,
    city: row.city,
    active: row.active === 1,
    planId: row.plan_id,
    createdAt: toIso(row.created_at),
    ...storage,
  };
}
