// The last resort when a page crashes while rendering: an apology in the user's language and a way back.
import { Alert, Anchor, Center, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useI18n } from "../i18n/i18n";

export function RouteErrorPage() {
  const { t } = useI18n();
  return (
    <Center mih="100vh" px="md">
      <Stack maw={480} gap="md">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {t("error.internal")}
        </Alert>
        {/* A full load, not a client-side link: whatever broke is left behind. */}
        <Anchor href="/">{t("notFound.home")}</Anchor>
      </Stack>
    </Center>
  );
}
