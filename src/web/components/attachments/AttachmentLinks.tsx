// Attachments of a ticket or a message, each a download link with its size.
import { Anchor, Group, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { Attachment } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { formatFileSize } from "./file-size";

export function AttachmentLinks({ attachments }: { attachments: readonly Attachment[] }) {
  const { t, locale } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.removed ? (
            <Text span fz="sm" c="dimmed" td="line-through" title={t("attachments.removed")}>
              {attachment.filename}{" "}
              <Text span fz="xs" td="none">
                ({t("attachments.removed")})
              </Text>
            </Text>
          ) : (
            <Anchor
              href={attachment.url}
              download={attachment.filename}
              fz="sm"
              aria-label={t("attachments.download", { name: attachment.filename })}
              style={{
                display: "inline-flex",
                alignItems: "center",
                gap: 6,
                padding: "4px 10px",
                border: "1px solid var(--mantine-color-gray-3)",
                borderRadius: "var(--mantine-radius-sm)",
                background: "var(--mantine-color-white)",
              }}
            >
              <IconDownload size={14} aria-hidden />
              {attachment.filename}
              <Text span fz="xs" c="dimmed">
                {formatFileSize(attachment.size, locale)}
              </Text>
            </Anchor>
          )}
        </li>
      ))}
    </Group>
  );
}
