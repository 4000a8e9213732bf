// "Telas do ERP": the screen catalog (search, state, pages), its CSV import and edits for supervisors
// and admins, and "Telas com mais ocorrências" for the whole team.
import { Stack, Tabs, Text, Title } from "@mantine/core";
import { IconChartBar, IconList } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { ScreenCatalog } from "./ScreenCatalog";
import { TopScreens } from "./TopScreens";

export function ScreensPage() {
  const { t } = useI18n();
  usePageTitle(t("nav.screens"));
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get("view") === "top" ? "top" : "catalog";
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.screens")}
        </Title>
        <Text c="dimmed">{t("screens.intro")}</Text>
      </Stack>
      <Tabs
        value={tab}
        onChange={(value) => setSearchParams(value === "top" ? { view: "top" } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="catalog" leftSection={<IconList size={16} />}>
            {t("screens.tabCatalog")}
          </Tabs.Tab>
          <Tabs.Tab value="top" leftSection={<IconChartBar size={16} />}>
            {t("screens.tabTop")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="catalog" pt="md">
          <ScreenCatalog />
        </Tabs.Panel>
        <Tabs.Panel value="top" pt="md">
          <TopScreens />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
