// Attachment rows: pending (uploaded, not yet on a ticket) or attached to a ticket and its event.
import type { AttachmentTable, Executor } from "../../db/schema";

export type AttachmentRow = AttachmentTable;

export async function insertAttachment(db: Executor, row: AttachmentRow): Promise<void> {
  await db.insertInto("attachment").values(row).execute();
}

export function findAttachment(db: Executor, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom("attachment").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countPendingOf(db: Executor, uploaderId: string): Promise<number> {
  const row = await db
    .selectFrom("attachment")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("uploader_id", "=", uploaderId)
    .where("ticket_id", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Attaches the uploader's pending files to a ticket event; returns how many it took. From then on
 * they use the ticket's company's storage (a staff member's upload used none until now).
 */
export async function claimPending(
  db: Executor,
  ids: readonly string[],
  uploaderId: string,
  target: { ticketId: string; eventId: string },
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("attachment")
    .set((eb) => ({
      ticket_id: target.ticketId,
      event_id: target.eventId,
      company_id: eb.selectFrom("ticket").select("company_id").where("id", "=", target.ticketId),
    }))
    .where("id", "in", ids)
    .where("uploader_id", "=", uploaderId)
    .where("ticket_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function attachmentsOfTicket(db: Executor, ticketId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom("attachment")
    .selectAll()
    .where("ticket_id", "=", ticketId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Removes a pending upload of this uploader; true when there was one. */
export async function deletePending(db: Executor, id: string, uploaderId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("attachment")
    .where("id", "=", id)
    .where("uploader_id", "=", uploaderId)
    .where("ticket_id", "is", null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Removes up to `limit` uploads left pending since before `before`, and returns their storage keys
 * for the caller to delete the files. A row is only ever returned to the one caller whose delete
 * took it, and one claimed by a ticket meanwhile is no longer pending: several processes running
 * this at once remove each upload once.
 */
export async function deleteExpiredPending(db: Executor, before: number, limit: number): Promise<string[]> {
  const candidates = await db
    .selectFrom("attachment")
    .select("id")
    .where("ticket_id", "is", null)
    .where("created_at", "<", before)
    .orderBy("created_at")
    .limit(limit)
    .execute();
  if (candidates.length === 0) return [];
  const deleted = await db
    .deleteFrom("attachment")
    .where(
      "id",
      "in",
      candidates.map((c) => c.id),
    )
    .where("ticket_id", "is", null)
    .where("created_at", "<", before)
    .returning("storage_key")
    .execute();
  return deleted.map((row) => row.storage_key);
}
