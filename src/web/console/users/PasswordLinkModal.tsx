// The one-time link that sets (or resets) a password, shown once to copy and hand over.
import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import type { PasswordLink } from "../../../contracts/users";
import { formatDateTime } from "../../../i18n/format-date";
import { useI18n } from "../../i18n/i18n";

export function PasswordLinkModal({
  link,
  name,
  onClose,
}: {
  link: PasswordLink | null;
  name: string;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  return (
    <Modal opened={link !== null} onClose={onClose} title={t("users.link.title")} size="lg">
      {link && (
        <Stack gap="sm">
          <Text fz="sm">{t("users.link.intro", { name })}</Text>
          <TextInput
            value={link.url}
            readOnly
            aria-label={t("users.link.title")}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="password-link"
          />
          <Text fz="xs" c="dimmed">
            {t("users.link.expires", { time: formatDateTime(link.expiresAt, locale) })}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={link.url}>
              {({ copied, copy }) => (
                <Button color={copied ? "teal" : undefined} onClick={copy}>
                  {copied ? t("users.link.copied") : t("users.link.copy")}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t("users.link.close")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
