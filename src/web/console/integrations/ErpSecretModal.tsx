// An HS256 installation's shared secret, shown once (on registration or rotation) to copy into the ERP.
import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useI18n } from "../../i18n/i18n";

export function ErpSecretModal({ secret, onClose }: { secret: string | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={t("erpInstallations.secretTitle")} size="lg">
      {secret && (
        <Stack gap="sm">
          <Alert color="yellow" variant="light">
            {t("erpInstallations.secretOnce")}
          </Alert>
          <TextInput
            value={secret}
            readOnly
            aria-label={t("erpInstallations.secretTitle")}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="erp-secret"
            ff="monospace"
          />
          <Group justify="flex-end">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button color={copied ? "teal" : undefined} onClick={copy}>
                  {copied ? t("erpInstallations.copied") : t("erpInstallations.copy")}
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
