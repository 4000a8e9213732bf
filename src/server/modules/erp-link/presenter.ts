// ERP installation rows as the contract shows them; the HS256 secret never leaves here.
import type { ErpInstallation, ErpInstallationState } from "../../../contracts/erp-installations";
import { toIso, toIsoOrNull } from "../../db/time";
import type { ErpInstallationWithCompany } from "./repository";

export function installationState(row: { active: 0 | 1; revoked_at: number | null }): ErpInstallationState {
  if (row.revoked_at !== null) return "revoked";
  return row.active === 1 ? "active" : "inactive";
}

export function presentInstallation(row: ErpInstallationWithCompany): ErpInstallation {
  return {
    id: row.id,
    name: row.name,
    companyId: row.company_id,
    companyName: row.company_name,
    companyCnpj: row.company_cnpj,
    algorithm: row.algorithm,
    publicKey: row.public_key,
    createsUsers: row.creates_users === 1,
    state: installationState(row),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    revokedAt: toIsoOrNull(row.revoked_at),
    lastUsedAt: toIsoOrNull(row.last_used_at),
  };
}
