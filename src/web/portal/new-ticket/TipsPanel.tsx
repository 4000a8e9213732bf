// "Dicas": the Support Policy's advice for a good description, with its example.
import { List, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconBulb } from "@tabler/icons-react";
import { useI18n } from "../../i18n/i18n";

export function TipsPanel() {
  const { t } = useI18n();
  return (
    <Paper radius="lg" p="lg" bg="yellow.0" style={{ border: "1px solid var(--mantine-color-yellow-2)" }}>
      <Stack gap="sm">
        <Title order={2} fz="h5" style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <ThemeIcon size={26} radius="xl" color="yellow.7" variant="light" aria-hidden>
            <IconBulb size={16} />
          </ThemeIcon>
          {t("newTicket.tipsTitle")}
        </Title>
        <List fz="sm" spacing={6}>
          <List.Item>{t("newTicket.tipClear")}</List.Item>
          <List.Item>{t("newTicket.tipShort")}</List.Item>
          <List.Item>{t("newTicket.tipScreen")}</List.Item>
        </List>
        <Text fz="sm" fs="italic" c="dark.4">
          {t("newTicket.tipExample")}
        </Text>
      </Stack>
    </Paper>
  );
}
