// Token rows → the contract's shape. The value itself is never stored, so never presented here.
import type { ApiToken } from "../../../contracts/tokens";
import { toIso, toIsoOrNull } from "../../db/time";
import type { ApiTokenListRow } from "./repository";

export function presentToken(row: ApiTokenListRow, now: number): ApiToken {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    scopes: row.scopes,
    hint: `${row.hint}…`,
    company:
      row.company_id !== null && row.company_name !== null
        ? { id: row.company_id, name: row.company_name }
        : null,
    createdBy:
      row.created_by !== null && row.creator_name !== null
        ? { id: row.created_by, name: row.creator_name }
        : null,
    createdAt: toIso(row.created_at),
    expiresAt: toIsoOrNull(row.expires_at),
    lastUsedAt: toIsoOrNull(row.last_used_at),
    expired: row.expires_at !== null && row.expires_at <= now,
  };
}
