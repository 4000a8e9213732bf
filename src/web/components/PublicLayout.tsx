// The frame of the pages seen before signing in: brand, tagline, one card, the language switch.
import { Box, Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useAppInfo } from "../api/app-info";
import { useI18n } from "../i18n/i18n";
import { BrandMark } from "./BrandMark";
import { FullPageLoader } from "./FullPageLoader";
import { LanguageSwitch } from "./LanguageSwitch";
import { usePageTitle } from "./use-page-title";

const BACKDROP = "linear-gradient(160deg, var(--mantine-color-uno-0) 0%, var(--mantine-color-gray-0) 60%)";

export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const appInfo = useAppInfo();
  usePageTitle(title);
  if (appInfo.isPending) return <FullPageLoader />;
  return (
    <Box mih="100vh" style={{ background: BACKDROP }}>
      <Box pos="absolute" top={16} right={16}>
        <LanguageSwitch size="xs" />
      </Box>
      <Center mih="100vh" px="md" py={64}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={6} align="center">
            <BrandMark size="lg" />
            <Text c="dimmed" ta="center">
              {t("app.tagline")}
            </Text>
          </Stack>
          <Paper component="main" withBorder shadow="sm" p="xl" radius="lg">
            <Stack gap="md">
              <Title order={2} fz="h3">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
