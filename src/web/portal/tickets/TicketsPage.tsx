// "Lista de ocorrências": every ticket of the customer's company, in any status, with search and a filter.
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconFilePlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { useAppInfo } from "../../api/app-info";
import { TicketList } from "../../components/tickets/TicketList";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";

const portalTicketPath = (number: number) => `/portal/tickets/${number}`;

export function TicketsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const product = useAppInfo().data?.product ?? "";
  const firstName = me.name.split(/\s+/)[0] ?? me.name;
  usePageTitle(t("nav.tickets"));
  return (
    <Stack gap="lg" maw={1200}>
      <Paper radius="lg" p="lg" bg="uno.0">
        <Group justify="space-between" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Title order={2} fz="h4" c="uno.9">
              {t("portal.home.greeting", { name: firstName })}
            </Title>
            <Text>{t("portal.home.intro", { product })}</Text>
          </Stack>
          {me.abilities.openTickets && (
            <Button component={Link} to="/portal/new" leftSection={<IconFilePlus size={18} aria-hidden />}>
              {t("nav.newTicket")}
            </Button>
          )}
        </Group>
      </Paper>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.tickets")}
        </Title>
        <Text c="dimmed">{t("portal.tickets.intro")}</Text>
      </Stack>
      <TicketList ticketPath={portalTicketPath} />
    </Stack>
  );
}
