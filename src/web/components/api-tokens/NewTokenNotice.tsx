// The token's value, shown once right after it is created, with a copy button and a clear warning.
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { CreatedApiToken } from "../../../contracts/tokens";
import { useI18n } from "../../i18n/i18n";

export function NewTokenNotice({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle />}
      title={t("tokens.shownOnceTitle", { name: created.name })}
    >
      <Stack gap="sm">
        <Text fz="sm">{t("tokens.shownOnce")}</Text>
        <Code
          block
          aria-label={t("tokens.value")}
          data-testid="new-api-token"
          style={{ wordBreak: "break-all" }}
        >
          {created.token}
        </Code>
        <Text fz="xs" c="dimmed">
          {t("tokens.usage")}
        </Text>
        <Group gap="sm">
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? "teal" : "blue"} onClick={copy}>
                {copied ? t("tokens.copied") : t("tokens.copy")}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("tokens.done")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
