// When the page cannot learn who is signed in (server down, network lost): say so and offer a retry.
import { Alert, Button, Center, Stack } from "@mantine/core";
import { IconCloudOff } from "@tabler/icons-react";
import { useI18n } from "../i18n/i18n";

export function ErrorState({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Center mih="100vh" px="md">
      <Stack maw={440} gap="md">
        <Alert color="red" variant="light" icon={<IconCloudOff size={18} />} role="alert">
          {error.message}
        </Alert>
        <Button variant="default" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      </Stack>
    </Center>
  );
}
