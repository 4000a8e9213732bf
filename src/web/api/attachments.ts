// Uploading one file (multipart, field `file`) before the ticket or reply that carries it is sent.
import { useMutation } from "@tanstack/react-query";
import { Attachment } from "../../contracts/tickets";
import { apiCommand, apiUpload } from "./client";

export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiUpload("/api/v1/attachments", form, Attachment);
}

export function useUploadAttachment() {
  return useMutation({ mutationFn: uploadAttachment });
}

/** Withdraws an upload the user removed before sending, so it does not count against their pending limit. */
export function withdrawAttachment(attachmentId: string): Promise<void> {
  return apiCommand("DELETE", `/api/v1/attachments/${encodeURIComponent(attachmentId)}`);
}
