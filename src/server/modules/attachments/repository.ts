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

/** Attaches the uploader's pending files to a ticket event; returns how many it took. */
export async function claimPending(
  db: Executor,
  ids: readonly string[],
  uploaderId: string,
  target: { ticketId: string; eventId: string },
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("attachment")
    .set({ ticket_id: target.ticketId, event_id: target.eventId })
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
