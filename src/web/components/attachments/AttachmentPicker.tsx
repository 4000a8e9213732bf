// "Anexos": choose files (uploaded at once), see each one's name, size and state, remove any of them.
import { ActionIcon, Button, FileButton, Group, Input, Loader, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconExclamationCircle, IconPaperclip, IconX } from "@tabler/icons-react";
import { useRef } from "react";
import { MAX_ATTACHMENTS_PER_SUBMISSION } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { formatFileSize } from "./file-size";
import {
  type AttachmentUpload,
  type AttachmentUploads,
  MAX_ATTACHMENT_BYTES,
} from "./use-attachment-uploads";

/** What the server accepts; the browser's picker offers these first (the server checks the content). */
const ACCEPTED =
  "image/png,image/jpeg,image/gif,image/webp,application/pdf,application/zip,.zip,text/plain,.txt,.log,.csv";

export function AttachmentPicker({ uploads, label }: { uploads: AttachmentUploads; label?: string }) {
  const { t, locale } = useI18n();
  // Cleared after each choice, so choosing the same file again (after removing it) still counts.
  const resetPicker = useRef<() => void>(null);
  const hint = t("attachments.hint", {
    count: MAX_ATTACHMENTS_PER_SUBMISSION,
    size: formatFileSize(MAX_ATTACHMENT_BYTES, locale),
  });
  return (
    <Input.Wrapper label={label} description={hint}>
      <Stack gap="xs" mt={6}>
        {uploads.items.length > 0 && (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {uploads.items.map((item) => (
              <UploadRow key={item.key} item={item} onRemove={() => uploads.remove(item.key)} />
            ))}
          </Stack>
        )}
        <FileButton
          onChange={(files) => {
            uploads.add(files);
            resetPicker.current?.();
          }}
          resetRef={resetPicker}
          multiple
          accept={ACCEPTED}
        >
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="xs"
              leftSection={<IconPaperclip size={14} aria-hidden />}
              style={{ alignSelf: "flex-start" }}
            >
              {t("attachments.add")}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Input.Wrapper>
  );
}

function UploadRow({ item, onRemove }: { item: AttachmentUpload; onRemove: () => void }) {
  const { t, locale } = useI18n();
  const failed = item.state === "failed";
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      px="sm"
      py={6}
      bg={failed ? "red.0" : "gray.0"}
      style={{ borderRadius: "var(--mantine-radius-sm)" }}
    >
      <StateIcon state={item.state} />
      <Stack gap={0} miw={0} style={{ flex: 1 }}>
        <Text fz="sm" truncate="end">
          {item.name}{" "}
          <Text span fz="xs" c="dimmed">
            {formatFileSize(item.size, locale)}
          </Text>
        </Text>
        {item.state === "uploading" && (
          <Text fz="xs" c="dimmed">
            {t("attachments.uploading")}
          </Text>
        )}
        {item.error && (
          <Text fz="xs" c="red.8" role="alert">
            {item.error}
          </Text>
        )}
      </Stack>
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={onRemove}
        aria-label={t("attachments.remove", { name: item.name })}
      >
        <IconX size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

function StateIcon({ state }: { state: AttachmentUpload["state"] }) {
  if (state === "uploading") return <Loader size={16} />;
  if (state === "failed")
    return (
      <ThemeIcon size={20} radius="xl" color="red" variant="light" aria-hidden>
        <IconExclamationCircle size={14} />
      </ThemeIcon>
    );
  return (
    <ThemeIcon size={20} radius="xl" color="teal" variant="light" aria-hidden>
      <IconCheck size={14} />
    </ThemeIcon>
  );
}
