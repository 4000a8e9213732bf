// A page whose content is still to come: its title, what it will be for, and "Em construção.".
import { Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconBarrierBlock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { usePageTitle } from "./use-page-title";

export function PagePlaceholder({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  usePageTitle(title);
  return (
    <Stack gap="lg" maw={880}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed">{intro}</Text>
      </Stack>
      {children}
      <Paper withBorder radius="lg" p="xl">
        <Stack align="center" gap="xs" py="lg">
          <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
            <IconBarrierBlock size={26} stroke={1.6} />
          </ThemeIcon>
          <Text c="dimmed">{t("common.comingSoon")}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
