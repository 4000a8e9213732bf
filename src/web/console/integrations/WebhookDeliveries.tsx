// One webhook endpoint's deliveries, newest first: event, state, attempts, HTTP status, duration, the
// answer's first bytes and the last error; "reenviar" queues a delivered or failed one again.
import { Anchor, Badge, Button, Code, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Link, useParams } from "react-router";
import type { OutboxState } from "../../../contracts/outbox";
import { useResendWebhookDelivery, useWebhook, useWebhookDeliveries } from "../../api/webhooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";

const STATE_COLORS: Record<OutboxState, string> = {
  queued: "blue",
  sending: "violet",
  sent: "teal",
  failed: "red",
};

export function WebhookDeliveries() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t("webhooks.deliveries"));
  const id = useParams().webhookId ?? "";
  const webhook = useWebhook(id);
  const deliveries = useWebhookDeliveries(id);
  const resend = useResendWebhookDelivery(id);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/console/integrations/webhooks" fz="sm">
        {t("webhooks.back")}
      </Anchor>
      <Title order={1} fz="h2" style={{ wordBreak: "break-all" }}>
        {t("webhooks.deliveriesOf", { url: webhook.data?.url ?? "" })}
      </Title>
      {deliveries.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={webhook.error ?? deliveries.error ?? resend.error} />
      {deliveries.data && items.length === 0 && (
        <Text c="dimmed" fz="sm">
          {t("webhooks.deliveriesEmpty")}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder fz="sm" aria-label={t("webhooks.deliveries")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("webhooks.delivery.createdAt")}</Table.Th>
                <Table.Th>{t("webhooks.delivery.event")}</Table.Th>
                <Table.Th>{t("webhooks.delivery.state")}</Table.Th>
                <Table.Th ta="right">{t("webhooks.delivery.attempts")}</Table.Th>
                <Table.Th ta="right">{t("webhooks.delivery.status")}</Table.Th>
                <Table.Th ta="right">{t("webhooks.delivery.duration")}</Table.Th>
                <Table.Th>{t("webhooks.delivery.response")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>
                    <Text fz="sm">{t(`webhooks.event.${item.event}`)}</Text>
                    {item.ticketNumber !== null && (
                      <Anchor component={Link} to={`/console/tickets/${item.ticketNumber}`} fz="xs">
                        #{item.ticketNumber}
                      </Anchor>
                    )}
                    <Text fz="xs" c="dimmed">
                      webhook-id: {item.id}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 120 }}>
                    <Badge color={STATE_COLORS[item.state]} variant="light" size="sm">
                      {t(`webhooks.state.${item.state}`)}
                    </Badge>
                    {item.deliveredAt && (
                      <Text fz="xs" c="dimmed">
                        {formatDateTime(item.deliveredAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{item.attempts}</Table.Td>
                  <Table.Td ta="right">{item.statusCode ?? "—"}</Table.Td>
                  <Table.Td ta="right">{item.durationMs === null ? "—" : `${item.durationMs} ms`}</Table.Td>
                  <Table.Td maw={320}>
                    {item.lastError && (
                      <Text fz="xs" c="red">
                        {item.lastError}
                      </Text>
                    )}
                    {item.response && (
                      <Code
                        block
                        fz="xs"
                        style={{ maxHeight: 120, overflow: "auto", whiteSpace: "pre-wrap" }}
                      >
                        {item.response}
                      </Code>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {(item.state === "sent" || item.state === "failed") && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={resend.isPending && resend.variables === item.id}
                        onClick={() =>
                          resend.mutate(item.id, {
                            onSuccess: () => notifications.show({ message: t("webhooks.resent") }),
                          })
                        }
                      >
                        {t("webhooks.resend")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deliveries.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => deliveries.fetchNextPage()}
            loading={deliveries.isFetchingNextPage}
          >
            {t("webhooks.more")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
