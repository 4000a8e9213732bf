// Attachment use cases: an upload streamed to disk within its size limit and judged by content;
// a download authorized exactly like the ticket (and the event) it belongs to.
import type { Readable } from "node:stream";
import { isStaffRole } from "../../../contracts/common";
import { type Actor, scopeOf } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { newToken } from "../../crypto";
import { errors } from "../../errors";
import { findTicketRowById, isEventInternal } from "../tickets/repository";
import { acceptedType, cleanFilename } from "./file-types";
import {
  type AttachmentRow,
  countPendingOf,
  deletePending,
  findAttachment,
  insertAttachment,
} from "./repository";
import { AttachmentStorage } from "./storage";

/** Uploads waiting to be sent with a ticket or reply, per user: bounds what one user can park. */
const MAX_PENDING_PER_USER = 20;

export const storageOf = (ctx: AppContext) => new AttachmentStorage(ctx.config.attachmentsDir);

export interface Upload {
  filename: string;
  stream: Readable & { truncated?: boolean };
}

export async function uploadAttachment(
  ctx: AppContext,
  uploader: Actor,
  upload: Upload,
): Promise<AttachmentRow> {
  if ((await countPendingOf(ctx.db, uploader.userId)) >= MAX_PENDING_PER_USER) {
    upload.stream.resume();
    throw errors.rule("attachment.too_many_pending");
  }
  const storage = storageOf(ctx);
  const key = newToken();
  let stored: Awaited<ReturnType<AttachmentStorage["write"]>>;
  try {
    stored = await storage.write(key, upload.stream);
  } catch (error) {
    await storage.remove(key);
    throw error;
  }
  if (upload.stream.truncated) {
    await storage.remove(key);
    throw errors.tooLarge();
  }
  const filename = cleanFilename(upload.filename);
  const contentType = await acceptedType(filename, stored.head);
  if (!contentType || stored.size === 0) {
    await storage.remove(key);
    throw errors.field("file", "validation.file_type", { file: filename });
  }
  const row: AttachmentRow = {
    id: newToken(),
    ticket_id: null,
    event_id: null,
    uploader_id: uploader.userId,
    filename,
    content_type: contentType,
    size: stored.size,
    sha256: stored.sha256,
    storage_key: key,
    created_at: ctx.clock.now(),
  };
  try {
    await insertAttachment(ctx.db, row);
  } catch (error) {
    await storage.remove(key);
    throw error;
  }
  return row;
}

/**
 * The attachment if the actor may read it: a pending upload only by its uploader; an attached one
 * like its ticket, and, on an internal note, by staff only. Anything else is undefined (→ 404).
 */
export async function readableAttachment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<AttachmentRow | undefined> {
  const row = await findAttachment(ctx.db, id);
  if (!row) return undefined;
  if (row.ticket_id === null || row.event_id === null)
    return row.uploader_id === actor.userId ? row : undefined;
  const ticket = await findTicketRowById(ctx.db, scopeOf(actor), row.ticket_id);
  if (!ticket) return undefined;
  if (!isStaffRole(actor.role) && (await isEventInternal(ctx.db, row.event_id))) return undefined;
  return row;
}

/**
 * Withdraws an upload the user removed before sending: its row and file go. A file already on a
 * ticket stays (409); one the actor may not read is a 404.
 */
export async function withdrawAttachment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await readableAttachment(ctx, actor, id);
  if (!row) throw errors.notFound("attachment.not_found");
  if (row.ticket_id !== null || !(await deletePending(ctx.db, row.id, actor.userId))) {
    throw errors.conflict("attachment.attached");
  }
  await storageOf(ctx).remove(row.storage_key);
}
