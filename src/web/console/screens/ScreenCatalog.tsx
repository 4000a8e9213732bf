// The catalog: search by code, name or module, filter by state, "Carregar mais"; the import panel and
// each screen's edit and deactivate buttons only for those the server says may manage it.
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { CatalogScreen } from "../../../contracts/screens";
import { useScreenCatalog, useUpdateScreen } from "../../api/screens";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePhoneLayout } from "../../components/use-phone-layout";
import { useI18n } from "../../i18n/i18n";
import { ScreenEditor } from "./ScreenEditor";
import { ScreenImport } from "./ScreenImport";

type Status = "all" | "active" | "inactive";

export function ScreenCatalog() {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text, 250);
  const [status, setStatus] = useState<Status>("all");
  const catalog = useScreenCatalog(q, status === "all" ? undefined : status);
  const [editing, setEditing] = useState<CatalogScreen | null>(null);
  const screens = catalog.data?.pages.flatMap((page) => page.items) ?? [];
  const manage = catalog.data?.pages[0]?.abilities.manage ?? false;
  const phone = usePhoneLayout();

  return (
    <Stack gap="md">
      {manage && <ScreenImport />}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t("screens.search")}
          placeholder={t("screens.searchPlaceholder")}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          style={{ flex: "1 1 240px" }}
        />
        <SegmentedControl
          aria-label={t("screens.status")}
          value={status}
          onChange={(value) => setStatus(value as Status)}
          data={[
            { value: "all", label: t("screens.statusAll") },
            { value: "active", label: t("screens.statusActive") },
            { value: "inactive", label: t("screens.statusInactive") },
          ]}
        />
      </Group>
      {catalog.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={catalog.error} />
      {catalog.data && screens.length === 0 && (
        <Alert color="gray" variant="light">
          {q.trim() || status !== "all" ? t("screens.emptySearch") : t("screens.empty")}
        </Alert>
      )}
      {screens.length > 0 &&
        (phone ? (
          <Stack gap="xs">
            {screens.map((screen) => (
              <Paper key={screen.code} withBorder p="sm" radius="md">
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Text fw={700} ff="monospace">
                      {screen.code}
                    </Text>
                    <StateBadge active={screen.active} />
                  </Group>
                  <Text>{screen.name}</Text>
                  <Text fz="sm" c="dimmed">
                    {screen.module}
                  </Text>
                  {manage && <ScreenActions screen={screen} onEdit={() => setEditing(screen)} />}
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("screens.code")}</Table.Th>
                <Table.Th>{t("screens.name")}</Table.Th>
                <Table.Th>{t("screens.module")}</Table.Th>
                <Table.Th>{t("screens.state")}</Table.Th>
                {manage && <Table.Th aria-label={t("screens.actions")} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {screens.map((screen) => (
                <Table.Tr key={screen.code}>
                  <Table.Td ff="monospace" fw={600}>
                    {screen.code}
                  </Table.Td>
                  <Table.Td>{screen.name}</Table.Td>
                  <Table.Td>{screen.module}</Table.Td>
                  <Table.Td>
                    <StateBadge active={screen.active} />
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <ScreenActions screen={screen} onEdit={() => setEditing(screen)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      {catalog.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void catalog.fetchNextPage()}
          loading={catalog.isFetchingNextPage}
          style={{ alignSelf: "center" }}
        >
          {t("screens.loadMore")}
        </Button>
      )}
      {editing && <ScreenEditor screen={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function StateBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge color={active ? "teal" : "gray"} variant="light">
      {active ? t("screens.active") : t("screens.inactive")}
    </Badge>
  );
}

function ScreenActions({ screen, onEdit }: { screen: CatalogScreen; onEdit: () => void }) {
  const { t } = useI18n();
  const update = useUpdateScreen();
  const toggle = () =>
    update.mutate(
      { code: screen.code, changes: { active: !screen.active } },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: screen.active
              ? t("screens.deactivated", { code: screen.code })
              : t("screens.reactivated", { code: screen.code }),
          }),
        onError: (error) => notifications.show({ color: "red", message: error.message }),
      },
    );
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPencil size={14} />}
        onClick={onEdit}
        aria-label={t("screens.editOf", { code: screen.code })}
      >
        {t("screens.edit")}
      </Button>
      <Button
        variant="subtle"
        size="xs"
        color={screen.active ? "red" : "teal"}
        onClick={toggle}
        loading={update.isPending}
        aria-label={
          screen.active
            ? t("screens.deactivateOf", { code: screen.code })
            : t("screens.reactivateOf", { code: screen.code })
        }
      >
        {screen.active ? t("screens.deactivate") : t("screens.reactivate")}
      </Button>
    </Group>
  );
}
