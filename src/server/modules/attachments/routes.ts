// /api/v1/attachments: upload one file (multipart) before sending a ticket or reply; download one.
import fastifyMultipart from "@fastify/multipart";
import { z } from "zod";
import { ErrorResponse } from "../../../contracts/common";
import { Attachment, AttachmentIdParams } from "../../../contracts/tickets";
import { UploadTooLargeResponse } from "../../../contracts/uploads";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentAttachment } from "../tickets/presenter";
import { cleanFilename, MAX_ATTACHMENT_BYTES } from "./file-types";
import { readableAttachment, storageOf, uploadAttachment, withdrawAttachment } from "./service";

/** `attachment; filename="..."` with an ASCII fallback and the UTF-8 name (RFC 6266), nothing invisible. */
function contentDisposition(storedName: string): string {
  const filename = cleanFilename(storedName);
  const ascii =
    filename
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "arquivo";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function attachmentRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    // Registered here only: no other route accepts multipart bodies.
    await app.register(fastifyMultipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 100 },
      throwFileSizeLimit: false,
    });

    app.post(
      "/api/v1/attachments",
      {
        schema: {
          tags: ["attachments"],
          summary:
            "Upload one file (field `file`, at most 10 MiB; PNG, JPEG, GIF, WebP, PDF, ZIP, TXT, LOG, CSV), within the company's storage quota (413) and the user's upload rate (429)",
          consumes: ["multipart/form-data"],
          response: {
            201: Attachment,
            400: ErrorResponse,
            413: UploadTooLargeResponse,
            422: ErrorResponse,
            429: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        if (!request.isMultipart()) throw errors.field("file", "validation.file_missing", {});
        const part = await request.file();
        if (!part) throw errors.field("file", "validation.file_missing", {});
        const row = await uploadAttachment(ctx, actor, { filename: part.filename, stream: part.file });
        return reply.status(201).send(presentAttachment(row));
      },
    );

    app.delete(
      "/api/v1/attachments/:attachmentId",
      {
        schema: {
          tags: ["attachments"],
          summary: "Withdraw an upload not yet sent with a ticket or reply",
          params: AttachmentIdParams,
          response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        await withdrawAttachment(ctx, actor, request.params.attachmentId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/v1/attachments/:attachmentId",
      {
        schema: {
          tags: ["attachments"],
          summary: "Download a file, authorized like its ticket (404 otherwise)",
          params: AttachmentIdParams,
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const row = await readableAttachment(ctx, actor, request.params.attachmentId);
        if (!row) throw errors.notFound("attachment.not_found");
        if (row.purged_at !== null) throw errors.attachmentPurged();
        return reply
          .header("content-type", row.content_type)
          .header("content-length", String(row.size))
          .header("content-disposition", contentDisposition(row.filename))
          .header("cache-control", "private, no-store")
          .send(storageOf(ctx).read(row.storage_key));
      },
    );
  };
}
