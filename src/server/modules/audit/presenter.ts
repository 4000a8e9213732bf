// Audit rows → the contract's entries: who, when, what, and the fields before → after.
import type { AuditChange, AuditEntry } from "../../../contracts/audit";
import { toIso } from "../../db/time";
import type { AuditLogRow } from "./log-repository";

export type PresentedEntry = AuditEntry;

const isChange = (value: unknown): value is { before: unknown; after: unknown } =>
  typeof value === "object" && value !== null && "before" in value && "after" in value;

const isPlain = (value: unknown) =>
  value === null || ["string", "number", "boolean"].includes(typeof value) || Array.isArray(value);

/**
 * The recorded changes, field by field; an entry recorded without them (a creation, older
 * entries) shows what the command was given as values after, with nothing before.
 */
function changesOf(details: Record<string, unknown>): AuditChange[] {
  const recorded = details.changes;
  if (typeof recorded === "object" && recorded !== null) {
    return Object.entries(recorded)
      .filter(([, change]) => isChange(change))
      .map(([field, change]) => ({ field, before: change.before, after: change.after }));
  }
  // Ids (companyId, planId…) say nothing to a reader: the entry's record is named beside it.
  return Object.entries(details)
    .filter(([field, value]) => isPlain(value) && field !== "id" && !field.endsWith("Id"))
    .map(([field, value]) => ({ field, before: null, after: value }));
}

/** `details.apiToken`, written by `recordAudit` when the command came with an API token. */
function tokenOf(value: unknown): { id: string; name: string } | null {
  if (typeof value !== "object" || value === null) return null;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === "string" && typeof name === "string" ? { id, name } : null;
}

export function presentAuditEntry(row: AuditLogRow, labels: Map<string, string>): AuditEntry {
  return {
    id: row.id,
    at: toIso(row.created_at),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? "" } : null,
    action: row.action,
    kind: row.target_type,
    target: {
      id: row.target_id,
      label:
        row.target_type === "settings" ? null : (labels.get(`${row.target_type}:${row.target_id}`) ?? null),
    },
    changes: changesOf(row.details),
    apiToken: tokenOf(row.details.apiToken),
  };
}
