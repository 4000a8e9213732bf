// A webhook's signing secret, shown once (on registration and on rotation) with a copy button.
import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useI18n } from "../../i18n/i18n";

export function WebhookSecretModal({
  shown,
  onClose,
}: {
  shown: { url: string; secret: string; rotated: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal opened={shown !== null} onClose={onClose} title={t("webhooks.secretTitle")} size="lg">
      {shown && (
        <Stack gap="sm">
          <Text fz="sm" style={{ wordBreak: "break-all" }}>
            {shown.url}
          </Text>
          <TextInput
            value={shown.secret}
            readOnly
            aria-label={t("webhooks.secretTitle")}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="webhook-secret"
          />
          <Text fz="sm">{t("webhooks.secretOnce")}</Text>
          {shown.rotated && (
            <Text fz="xs" c="dimmed">
              {t("webhooks.secretGrace")}
            </Text>
          )}
          <Group justify="flex-end">
            <CopyButton value={shown.secret}>
              {({ copied, copy }) => (
                <Button color={copied ? "teal" : undefined} onClick={copy}>
                  {copied ? t("webhooks.copied") : t("webhooks.copy")}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t("webhooks.close")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
