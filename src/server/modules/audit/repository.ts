// The audit trail of staff and account actions: written inside the command's own transaction.
import type { AuditTargetType } from "../../../contracts/audit";
import type { CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { json } from "../../db/json";
import type { Executor } from "../../db/schema";
import { slices } from "../../db/slices";
import type { AuditChanges } from "./changes";

export interface AuditEntry {
  action: string;
  targetType: AuditTargetType;
  targetId: string;
  details?: Record<string, unknown>;
  /** What changed, field by field (`auditChanges(before, after)`): kept in the details as `changes`. */
  changes?: AuditChanges;
}

export async function recordAudit(
  db: Executor,
  meta: CommandMeta,
  at: number,
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(db, meta, at, [entry]);
}

/** Several actions of one command (an import's screens), one insert per slice of rows. */
export async function recordAudits(
  db: Executor,
  meta: CommandMeta,
  at: number,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (const slice of slices(entries)) {
    await db
      .insertInto("audit_log")
      .values(
        slice.map((entry) => ({
          id: newId(),
          actor_id: meta.actorId,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          details: json.auditDetails.encode({
            ...entry.details,
            ...(meta.apiToken && { apiToken: meta.apiToken }),
            ...(entry.changes && Object.keys(entry.changes).length > 0 && { changes: entry.changes }),
          }),
          ip: meta.ip,
          created_at: at,
        })),
      )
      .execute();
  }
}

export async function listAuditFor(db: Executor, targetType: AuditTargetType, targetId: string) {
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("target_type", "=", targetType)
    .where("target_id", "=", targetId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ ...row, details: json.auditDetails.decode(row.details) }));
}
