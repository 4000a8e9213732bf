// The console header's bell: the unread count, and a list that opens a ticket and marks it read.
import {
  ActionIcon,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from "@mantine/core";
import { notifications as toasts } from "@mantine/notifications";
import {
  IconAlertTriangle,
  IconAt,
  IconBell,
  IconChecks,
  IconClockExclamation,
  IconUserCheck,
} from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { Notification } from "../../../contracts/notifications";
import {
  useMarkNotificationsRead,
  useNotificationList,
  useUnreadNotificationCount,
} from "../../api/notifications";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { notificationLine, notificationText } from "./notification-text";

export function NotificationBell() {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const count = useUnreadNotificationCount();
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      withinPortal
      middlewares={{ shift: { padding: 8 } }}
    >
      <Popover.Target>
        <Indicator
          label={count}
          maxValue={99}
          disabled={count === 0}
          size={16}
          offset={4}
          color="red"
          fz={10}
        >
          <ActionIcon
            variant="subtle"
            color="gray.0"
            size="lg"
            aria-label={
              count > 0
                ? t(count === 1 ? "notifications.bell.one" : "notifications.bell", { count })
                : t("notifications.title")
            }
            onClick={() => setOpened((open) => !open)}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <NotificationPanel unread={count} onOpenTicket={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}

/** Mounted only while the popover is open, so the list is fetched when it is looked at. */
function NotificationPanel({ unread, onOpenTicket }: { unread: number; onOpenTicket: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useNotificationList();
  const markRead = useMarkNotificationsRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const showError = (error: Error) => toasts.show({ color: "red", message: error.message });

  const open = (notification: Notification) => {
    if (!notification.read) markRead.mutate({ ids: [notification.id] }, { onError: showError });
    onOpenTicket();
    void navigate(`/console/tickets/${notification.ticket.number}`);
  };

  return (
    <Stack gap={0}>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap">
        <Text fw={600} fz="sm">
          {t("notifications.title")}
        </Text>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconChecks size={14} aria-hidden />}
          disabled={unread === 0}
          loading={markRead.isPending && markRead.variables?.all === true}
          onClick={() => markRead.mutate({ all: true }, { onError: showError })}
        >
          {t("notifications.markAllRead")}
        </Button>
      </Group>
      <Divider />
      <ScrollArea.Autosize mah={420} type="auto">
        {list.isPending ? (
          <Center p="md">
            <Loader size="sm" aria-label={t("app.loading")} />
          </Center>
        ) : list.isError ? (
          <Box p="sm">
            <ErrorAlert error={list.error} />
          </Box>
        ) : items.length === 0 ? (
          <Text c="dimmed" fz="sm" p="md" ta="center">
            {t("notifications.empty")}
          </Text>
        ) : (
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {items.map((notification) => (
              <li key={notification.id}>
                <NotificationItem notification={notification} onOpen={open} />
              </li>
            ))}
          </Stack>
        )}
        {list.hasNextPage && (
          <Center p="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t("notifications.loadMore")}
            </Button>
          </Center>
        )}
      </ScrollArea.Autosize>
    </Stack>
  );
}

function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const text = notificationText(notification, t);
  const unread = !notification.read;
  return (
    <UnstyledButton
      w="100%"
      px="md"
      py="xs"
      bg={unread ? "var(--mantine-color-blue-light)" : undefined}
      aria-label={unread ? `${t("notifications.unread")}: ${notificationLine(notification, t)}` : undefined}
      onClick={() => onOpen(notification)}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <NotificationIcon type={notification.type} />
        <Stack gap={2} miw={0}>
          <Text fz="sm" fw={unread ? 700 : 500} lh={1.3}>
            {text.headline}
          </Text>
          <Text fz="sm" lh={1.3} lineClamp={2}>
            {text.ticket}
          </Text>
          <Text fz="xs" c="dimmed">
            {formatDateTime(notification.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** Deadlines in orange and red; what colleagues did (assigned, mentioned) in the team's blue. */
function NotificationIcon({ type }: { type: Notification["type"] }) {
  const [color, Icon] =
    type === "sla_breach"
      ? ["red", IconClockExclamation]
      : type === "sla_warning"
        ? ["orange", IconAlertTriangle]
        : ["uno", type === "mention" ? IconAt : IconUserCheck];
  return (
    <ThemeIcon variant="light" color={color} size="md" radius="xl">
      <Icon size={16} aria-hidden />
    </ThemeIcon>
  );
}
