// "Integrações" → "Webhooks" (admins): the endpoints with their events, state and last delivery;
// registering one (its secret shown once, with copy), a new secret, turning it off and on, deleting,
// and each endpoint's deliveries (WebhookDeliveries.tsx).
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { type Webhook, WebhookEvent } from "../../../contracts/webhooks";
import { fieldError } from "../../api/api-error";
import { useCreateWebhook, useDeleteWebhook, useUpdateWebhook, useWebhooks } from "../../api/webhooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { WebhookSecretModal } from "./WebhookSecretModal";

export function WebhooksPanel() {
  const { t } = useI18n();
  const webhooks = useWebhooks();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string; rotated: boolean } | null>(null);
  const items = webhooks.data?.items ?? [];

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={2} fz="h3">
          {t("webhooks.title")}
        </Title>
        <Text c="dimmed">{t("webhooks.intro")}</Text>
      </Stack>
      {!adding && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t("webhooks.add")}
          </Button>
        </Group>
      )}
      {adding && (
        <CreateWebhookForm
          onCancel={() => setAdding(false)}
          onCreated={(made) => {
            setAdding(false);
            setSecret({ url: made.url, secret: made.secret, rotated: false });
          }}
        />
      )}
      {webhooks.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={webhooks.error} />
      {webhooks.data && items.length === 0 && (
        <Text c="dimmed" fz="sm">
          {t("webhooks.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped withTableBorder fz="sm" aria-label={t("webhooks.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("webhooks.url")}</Table.Th>
                <Table.Th>{t("webhooks.events")}</Table.Th>
                <Table.Th>{t("webhooks.delivery.state")}</Table.Th>
                <Table.Th>{t("webhooks.lastDelivery")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((webhook) => (
                <WebhookRow
                  key={webhook.id}
                  webhook={webhook}
                  onRotated={(made) => setSecret({ url: webhook.url, secret: made, rotated: true })}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WebhookSecretModal shown={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}

function CreateWebhookForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (made: { url: string; secret: string }) => void;
}) {
  const { t } = useI18n();
  const create = useCreateWebhook();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([
    "ticket.created",
    "ticket.updated",
    "message.created",
  ]);
  const [internal, setInternal] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ url, events, internal }, { onSuccess: (made) => onCreated(made) });
  };
  const error = create.error;
  return (
    <form onSubmit={submit} aria-label={t("webhooks.add")}>
      <Stack gap="sm" maw={640}>
        <TextInput
          label={t("webhooks.url")}
          placeholder="https://erp.example.com.br/extranet/webhooks"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={fieldError(error, "url")}
          required
        />
        <Checkbox.Group
          label={t("webhooks.events")}
          value={events}
          onChange={(value) => setEvents(value as WebhookEvent[])}
          error={fieldError(error, "events")}
        >
          <Stack gap={6} mt={6}>
            {WebhookEvent.options.map((name) => (
              <Checkbox key={name} value={name} label={t(`webhooks.event.${name}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch
          label={t("webhooks.internal")}
          description={t("webhooks.internalHint")}
          checked={internal}
          onChange={(e) => setInternal(e.currentTarget.checked)}
        />
        {error && !fieldError(error, "url") && !fieldError(error, "events") && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("webhooks.create")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("webhooks.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WebhookRow({ webhook, onRotated }: { webhook: Webhook; onRotated: (secret: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const last = webhook.lastAttempt;
  const status =
    last?.statusCode === null || last === null ? t("webhooks.noAnswer") : String(last.statusCode);
  const rotate = () => {
    if (!window.confirm(t("webhooks.rotateConfirm", { url: webhook.url }))) return;
    update.mutate(
      { id: webhook.id, rotateSecret: true },
      { onSuccess: (made) => "secret" in made && onRotated(made.secret) },
    );
  };
  const toggle = () =>
    update.mutate(
      { id: webhook.id, active: !webhook.active },
      { onSuccess: () => notifications.show({ message: t("webhooks.saved") }) },
    );
  const del = () => {
    if (window.confirm(t("webhooks.deleteConfirm", { url: webhook.url }))) remove.mutate(webhook.id);
  };
  return (
    <Table.Tr>
      <Table.Td style={{ wordBreak: "break-all" }}>
        <Anchor component={Link} to={`/console/integrations/webhooks/${webhook.id}`} fz="sm">
          {webhook.url}
        </Anchor>
        {webhook.internal && (
          <Text fz="xs" c="dimmed">
            {t("webhooks.internal")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {webhook.events.map((name) => (
            <Text key={name} fz="xs">
              {t(`webhooks.event.${name}`)}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td style={{ minWidth: 120 }}>
        <Badge color={webhook.active ? "teal" : "gray"} variant="light" size="sm">
          {webhook.active
            ? t("webhooks.active")
            : webhook.disabledReason === "failing"
              ? t("webhooks.disabledFailing")
              : t("webhooks.disabled")}
        </Badge>
      </Table.Td>
      <Table.Td>
        {last ? (
          <Stack gap={2}>
            <Text fz="xs" c={last.ok ? "teal" : "red"}>
              {last.ok ? t("webhooks.lastOk", { status }) : t("webhooks.lastFailed", { status })}
            </Text>
            <Text fz="xs" c="dimmed">
              {formatDateTime(last.at)}
            </Text>
          </Stack>
        ) : (
          <Text fz="xs" c="dimmed">
            {t("webhooks.neverDelivered")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            component={Link}
            to={`/console/integrations/webhooks/${webhook.id}`}
          >
            {t("webhooks.deliveries")}
          </Button>
          <Button size="xs" variant="default" onClick={rotate} loading={update.isPending}>
            {t("webhooks.rotate")}
          </Button>
          <Button size="xs" variant="default" onClick={toggle}>
            {webhook.active ? t("webhooks.disable") : t("webhooks.enable")}
          </Button>
          <Button size="xs" color="red" variant="light" onClick={del} loading={remove.isPending}>
            {t("webhooks.delete")}
          </Button>
        </Group>
        <ErrorAlert error={update.error ?? remove.error} />
      </Table.Td>
    </Table.Tr>
  );
}
