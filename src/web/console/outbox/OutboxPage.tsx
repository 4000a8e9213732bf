// "Caixa de saída" (admins): every e-mail Extranet wrote, newest first, with its state, attempts and
// last error; one opens to its text and HTML as sent; a failed (or sent) one can be sent again.
// Without SMTP_URL nothing is sent, and the page says so: it then shows exactly what would be.
import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { OutboxState, type OutboxSummary } from "../../../contracts/outbox";
import { useOutbox, useOutboxMessage, useResendEmail } from "../../api/outbox";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";

const STATE_COLORS: Record<OutboxState, string> = {
  queued: "blue",
  sending: "violet",
  sent: "teal",
  failed: "red",
};

const ALL = "all";

export function OutboxPage() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t("nav.outbox"));
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = OutboxState.safeParse(searchParams.get("state"));
  const state = asked.success ? asked.data : null;
  const open = searchParams.get("email");
  const outbox = useOutbox(state);
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  const delivering = outbox.data?.pages[0]?.delivering;

  const choose = (next: { state?: string | null; email?: string | null }) => {
    const params = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(next)) {
      if (value) params.set(name, value);
      else params.delete(name);
    }
    setSearchParams(params);
  };

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.outbox")}
        </Title>
        <Text c="dimmed">{t("outbox.intro")}</Text>
      </Stack>
      {delivering === false && (
        <Alert color="yellow" icon={<IconInfoCircle />} title={t("outbox.notDeliveringTitle")}>
          {t("outbox.notDelivering")}
        </Alert>
      )}
      <SegmentedControl
        value={state ?? ALL}
        onChange={(value) => choose({ state: value === ALL ? null : value })}
        data={[
          { value: ALL, label: t("outbox.state.all") },
          ...OutboxState.options.map((value) => ({ value, label: t(`outbox.state.${value}`) })),
        ]}
        style={{ alignSelf: "flex-start", maxWidth: "100%" }}
        styles={{ root: { overflowX: "auto" } }}
      />
      {outbox.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={outbox.error} />
      {outbox.data && items.length === 0 && (
        <Text c="dimmed" fz="sm">
          {state ? t("outbox.emptyState") : t("outbox.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder fz="sm" aria-label={t("nav.outbox")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("outbox.createdAt")}</Table.Th>
                <Table.Th>{t("outbox.to")}</Table.Th>
                <Table.Th>{t("outbox.subject")}</Table.Th>
                <Table.Th>{t("outbox.stateLabel")}</Table.Th>
                <Table.Th ta="right">{t("outbox.attempts")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>{item.to}</Table.Td>
                  <Table.Td>
                    <UnstyledButton onClick={() => choose({ email: item.id })} c="blue" fz="sm">
                      {item.subject}
                    </UnstyledButton>
                    <Text fz="xs" c="dimmed">
                      {t(`outbox.purpose.${item.purpose}`)}
                    </Text>
                    {item.lastError && (
                      <Text fz="xs" c="red">
                        {item.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  {/* Wide enough for the badge, which would otherwise shrink to "NA FI…". */}
                  <Table.Td style={{ minWidth: 120 }}>
                    <StateBadge item={item} />
                  </Table.Td>
                  <Table.Td ta="right">{item.attempts}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {outbox.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => outbox.fetchNextPage()}
            loading={outbox.isFetchingNextPage}
          >
            {t("outbox.more")}
          </Button>
        </Group>
      )}
      <EmailDrawer id={open} onClose={() => choose({ email: null })} />
    </Stack>
  );
}

function StateBadge({ item }: { item: OutboxSummary }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={STATE_COLORS[item.state]} variant="light" size="sm" style={{ flexShrink: 0 }}>
        {t(`outbox.state.${item.state}`)}
      </Badge>
      {item.state === "sent" && item.sentAt && (
        <Text fz="xs" c="dimmed">
          {formatDateTime(item.sentAt)}
        </Text>
      )}
      {item.state === "queued" && item.attempts > 0 && item.nextAttemptAt && (
        <Text fz="xs" c="dimmed">
          {t("outbox.nextAttempt", { at: formatDateTime(item.nextAttemptAt) })}
        </Text>
      )}
    </Stack>
  );
}

function EmailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const email = useOutboxMessage(id);
  const resend = useResendEmail();
  const message = email.data;
  const canResend = message && (message.state === "failed" || message.state === "sent");
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title={message?.subject ?? ""}>
      {email.isPending && id !== null && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={email.error ?? resend.error} />
      {message && (
        <Stack gap="md">
          <Stack gap={2}>
            <Text fz="sm">
              <Text span c="dimmed" fz="sm">
                {t("outbox.to")}:
              </Text>{" "}
              {message.to}
            </Text>
            {message.replyTo && (
              <Text fz="sm">
                <Text span c="dimmed" fz="sm">
                  {t("outbox.replyTo")}:
                </Text>{" "}
                {message.replyTo}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              Message-ID: {message.messageId}
            </Text>
            <Group gap="xs">
              <StateBadge item={message} />
              {message.lastError && (
                <Text fz="xs" c="red">
                  {message.lastError}
                </Text>
              )}
            </Group>
          </Stack>
          {canResend && (
            <Group>
              <Button
                onClick={() =>
                  resend.mutate(message.id, {
                    onSuccess: () => notifications.show({ color: "teal", message: t("outbox.resent") }),
                  })
                }
                loading={resend.isPending}
              >
                {t("outbox.resend")}
              </Button>
            </Group>
          )}
          <Tabs defaultValue="html">
            <Tabs.List>
              <Tabs.Tab value="html">HTML</Tabs.Tab>
              <Tabs.Tab value="text">{t("outbox.text")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              {/* Our own HTML, shown without scripts, forms or navigation. */}
              <iframe
                title={t("outbox.htmlPreview")}
                sandbox=""
                srcDoc={message.html}
                style={{ width: "100%", height: 560, border: "1px solid var(--mantine-color-gray-3)" }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Text component="pre" fz="sm" style={{ whiteSpace: "pre-wrap", fontFamily: "monospace" }}>
                {message.text}
              </Text>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Drawer>
  );
}
