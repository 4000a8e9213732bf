// An address inside the app that leads nowhere.
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePageTitle } from "../components/use-page-title";
import { useI18n } from "../i18n/i18n";

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t("notFound.title"));
  return (
    <Stack gap="sm" maw={640}>
      <Title order={1} fz="h2">
        {t("notFound.title")}
      </Title>
      <Text c="dimmed">{t("notFound.body")}</Text>
      <Anchor component={Link} to="/">
        {t("notFound.home")}
      </Anchor>
    </Stack>
  );
}
