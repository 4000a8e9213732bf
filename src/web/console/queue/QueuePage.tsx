// "Fila": every company's tickets, newest activity first, with a status filter and search.
import { Stack, Text, Title } from "@mantine/core";
import { TicketList } from "../../components/tickets/TicketList";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";

const consoleTicketPath = (number: number) => `/console/tickets/${number}`;

export function QueuePage() {
  const { t } = useI18n();
  usePageTitle(t("nav.queue"));
  return (
    <Stack gap="md" maw={1400}>
      <Stack gap={2}>
        <Title order={1} fz="h3">
          {t("nav.queue")}
        </Title>
        <Text c="dimmed" fz="sm">
          {t("console.home.intro")}
        </Text>
      </Stack>
      <TicketList ticketPath={consoleTicketPath} staffColumns />
    </Stack>
  );
}
