// Attachment use cases: an upload streamed to disk within its size limit and judged by content,
// within its company's storage quota and its uploader's rate limit; a download authorized exactly
// like the ticket (and the event) it belongs to.
import type { Readable } from "node:stream";
import { isStaffRole } from "../../../contracts/common";
import { type Actor, scopeOf } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { newToken } from "../../crypto";
import type { Executor } from "../../db/schema";
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
import { uploadWaitMs } from "./upload-limits";
import { companyStorageBytes, lockUploadLimits, recentUploadsOf, recordUpload } from "./usage-repository";

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
  try {
    if ((await countPendingOf(ctx.db, uploader.userId)) >= MAX_PENDING_PER_USER)
      throw errors.rule("attachment.too_many_pending");
    // Refused before a byte is written when not even one more byte would pass.
    await ensureUploadFits(ctx, ctx.db, uploader, 1);
  } catch (error) {
    upload.stream.resume();
    throw error;
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
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // Checked again with the real size, alone among the uploads sharing these limits.
      await lockUploadLimits(trx, { companyId: uploader.companyId, userId: uploader.userId });
      await ensureUploadFits(ctx, trx, uploader, stored.size);
      const now = ctx.clock.now();
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
        created_at: now,
        company_id: uploader.companyId,
        purged_at: null,
      };
      await insertAttachment(trx, row);
      await recordUpload(trx, uploader.userId, now, stored.size);
      return row;
    });
  } catch (error) {
    await storage.remove(key);
    throw error;
  }
}

/**
 * Throws unless `bytes` more fit the uploader's rate limit (429 with Retry-After) and, for a
 * customer, the company's storage quota (413 saying how much is used). Staff uploads use a
 * company's storage only once attached to its ticket, so only the rate limit applies to them.
 */
async function ensureUploadFits(
  ctx: AppContext,
  db: Executor,
  uploader: Actor,
  bytes: number,
): Promise<void> {
  const limits = ctx.config.uploads;
  const now = ctx.clock.now();
  const recent = await recentUploadsOf(db, uploader.userId, now - limits.rateWindowMs);
  const waitMs = uploadWaitMs(recent, bytes, now, {
    maxFiles: limits.rateMaxFiles,
    maxBytes: limits.rateMaxBytes,
    windowMs: limits.rateWindowMs,
  });
  if (waitMs > 0) throw errors.uploadRateLimited(Math.ceil(waitMs / 1000));
  if (uploader.companyId === null) return;
  const usedBytes = await companyStorageBytes(db, uploader.companyId);
  if (usedBytes + bytes > limits.companyQuotaBytes)
    throw errors.storageQuotaExceeded({ usedBytes, quotaBytes: limits.companyQuotaBytes });
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
