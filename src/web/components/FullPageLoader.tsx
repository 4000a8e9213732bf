// What the whole page shows while it learns who is signed in.
import { Center, Loader, VisuallyHidden } from "@mantine/core";
import { useI18n } from "../i18n/i18n";

export function FullPageLoader() {
  const { t } = useI18n();
  return (
    <Center mih="100vh" role="status">
      <Loader />
      <VisuallyHidden>{t("app.loading")}</VisuallyHidden>
    </Center>
  );
}
