// The seed policy's own words on what is support and what is consultancy.
import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../i18n/i18n";

export function SupportVersusConsultancy() {
  const { t } = useI18n();
  return (
    <Paper component="section" aria-label={t("policy.difference.title")} withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Title order={2} fz="h3">
          {t("policy.difference.title")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap={6}>
            <Title order={3} fz="md">
              {t("policy.support.title")}
            </Title>
            <Text fz="sm">{t("policy.support.body")}</Text>
            <Text fz="sm" c="dimmed" fs="italic">
              {t("policy.support.examples")}
            </Text>
          </Stack>
          <Stack gap={6}>
            <Title order={3} fz="md">
              {t("policy.consultancy.title")}
            </Title>
            <Text fz="sm">{t("policy.consultancy.body")}</Text>
            <Text fz="sm">{t("policy.consultancy.purpose")}</Text>
            <Text fz="sm" c="dimmed" fs="italic">
              {t("policy.consultancy.example")}
            </Text>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
