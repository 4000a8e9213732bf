// How an upload is refused for room: 413 carries the company's figures when its storage is full.
import { z } from "zod";
import { ErrorResponse } from "./common";

export const UploadTooLargeResponse = z.object({
  error: ErrorResponse.shape.error.extend({
    /** `attachment.quota_exceeded`: bytes the company's attachments already use… */
    usedBytes: z.number().int().nonnegative().optional(),
    /** …and its quota. Absent for a file over the per-file cap (`body_too_large`). */
    quotaBytes: z.number().int().positive().optional(),
  }),
});
