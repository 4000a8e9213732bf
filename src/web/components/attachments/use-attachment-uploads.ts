// Files chosen for a ticket or a reply: each is uploaded as soon as it is chosen; the ids go with the submission.
import { useCallback, useRef, useState } from "react";
import { MAX_ATTACHMENTS_PER_SUBMISSION } from "../../../contracts/tickets";
import { fieldError } from "../../api/api-error";
import { useUploadAttachment, withdrawAttachment } from "../../api/attachments";
import { useI18n } from "../../i18n/i18n";
import { formatFileSize } from "./file-size";

/** The server's cap per file; checked here too so a large file is not sent only to be refused. */
export { MAX_ATTACHMENT_BYTES } from "../../../contracts/tickets";

import { MAX_ATTACHMENT_BYTES } from "../../../contracts/tickets";

export interface AttachmentUpload {
  key: number;
  name: string;
  size: number;
  state: "uploading" | "done" | "failed";
  /** The uploaded attachment's id, once the server accepted the file. */
  attachmentId: string | null;
  /** Why the file was refused, in the user's language (the server's words when it refused). */
  error: string | null;
}

export interface AttachmentUploads {
  items: readonly AttachmentUpload[];
  add: (files: readonly File[]) => void;
  remove: (key: number) => void;
  clear: () => void;
  attachmentIds: string[];
  uploading: boolean;
}

export function useAttachmentUploads(): AttachmentUploads {
  const { t, locale } = useI18n();
  const { mutateAsync: upload } = useUploadAttachment();
  const [items, setItems] = useState<AttachmentUpload[]>([]);
  const nextKey = useRef(1);

  const update = useCallback((key: number, changes: Partial<AttachmentUpload>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  }, []);

  const start = useCallback(
    (key: number, file: File) => {
      upload(file).then(
        (attachment) => update(key, { state: "done", attachmentId: attachment.id }),
        (error: unknown) => update(key, { state: "failed", error: messageOf(error) }),
      );
    },
    [upload, update],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      let room = MAX_ATTACHMENTS_PER_SUBMISSION - items.filter((item) => item.state !== "failed").length;
      const added: AttachmentUpload[] = [];
      for (const file of files) {
        const key = nextKey.current++;
        const item: AttachmentUpload = {
          key,
          name: file.name,
          size: file.size,
          state: "failed",
          attachmentId: null,
          error: null,
        };
        if (room <= 0) item.error = t("attachments.tooMany", { count: MAX_ATTACHMENTS_PER_SUBMISSION });
        else if (file.size > MAX_ATTACHMENT_BYTES)
          item.error = t("attachments.tooLarge", { size: formatFileSize(MAX_ATTACHMENT_BYTES, locale) });
        else {
          item.state = "uploading";
          room -= 1;
          start(key, file);
        }
        added.push(item);
      }
      setItems((current) => [...current, ...added]);
    },
    [items, locale, start, t],
  );

  const remove = useCallback((key: number) => {
    setItems((current) => {
      const removed = current.find((item) => item.key === key);
      // Best effort: a pending upload left behind only counts against the user's limit.
      if (removed?.attachmentId) withdrawAttachment(removed.attachmentId).catch(() => {});
      return current.filter((item) => item.key !== key);
    });
  }, []);

  const clear = useCallback(() => setItems([]), []);

  return {
    items,
    add,
    remove,
    clear,
    attachmentIds: items.flatMap((item) => (item.attachmentId ? [item.attachmentId] : [])),
    uploading: items.some((item) => item.state === "uploading"),
  };
}

/** A refused file's reason: the server names the field `file`; anything else (413, network) has a message. */
function messageOf(error: unknown): string {
  return fieldError(error, "file") ?? (error instanceof Error ? error.message : String(error));
}
