// After "Isso resolveu meu problema": thanks, no form; back to the answers or to the company's tickets.
import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconMoodHappy } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Article } from "../../../contracts/kb";
import { useI18n } from "../../i18n/i18n";

export function HelpfulThanks({ article, onBack }: { article: Article; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="lg" p="xl" maw={640} role="status">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" color="teal" variant="light" aria-hidden>
          <IconMoodHappy size={32} stroke={1.6} />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t("newTicket.helpfulThanks")}
        </Title>
        <Text fw={500}>{article.question}</Text>
        <Text c="dimmed">{t("newTicket.helpfulBody")}</Text>
        <Group mt="sm" justify="center">
          <Button variant="default" onClick={onBack}>
            {t("newTicket.helpfulBack")}
          </Button>
          <Anchor component={Link} to="/portal/tickets">
            {t("nav.tickets")}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
