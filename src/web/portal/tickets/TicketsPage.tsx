// "Lista de ocorrências": every ticket of the customer's company (the list itself is still to come).
import { Paper, Text, Title } from "@mantine/core";
import { useAppInfo } from "../../api/app-info";
import { PagePlaceholder } from "../../components/PagePlaceholder";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";

export function TicketsPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const product = useAppInfo().data?.product ?? "";
  const firstName = me.name.split(/\s+/)[0] ?? me.name;
  return (
    <PagePlaceholder title={t("nav.tickets")} intro={t("portal.tickets.intro")}>
      <Paper radius="lg" p="lg" bg="uno.0">
        <Title order={2} fz="h4" c="uno.9">
          {t("portal.home.greeting", { name: firstName })}
        </Title>
        <Text mt={4}>{t("portal.home.intro", { product })}</Text>
      </Paper>
    </PagePlaceholder>
  );
}
