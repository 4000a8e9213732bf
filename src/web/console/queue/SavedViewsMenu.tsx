// "Visões salvas": the team's shared views and one's own, applied with a click; the current filters
// saved under a name (shared with the team by supervisors and admins, personal for anyone).
import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  Popover,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  IconBookmark,
  IconBookmarks,
  IconDeviceFloppy,
  IconPencil,
  IconTrash,
  IconUsers,
} from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import type { QueueFilters, SavedView } from "../../../contracts/queue";
import { fieldError } from "../../api/api-error";
import { useDeleteView, useSavedViews, useSaveView, useUpdateView } from "../../api/console-queue";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { sameFilters } from "./queue-params";

export function SavedViewsMenu({
  filters,
  onApply,
}: {
  filters: QueueFilters;
  onApply: (filters: QueueFilters) => void;
}) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const [saving, save] = useDisclosure(false);
  const [editing, setEditing] = useState<SavedView | null>(null);
  const views = useSavedViews();
  const remove = useDeleteView();
  const items = views.data?.items ?? [];
  const current = items.find((view) => sameFilters(view.filters, filters));

  const group = (title: string, list: SavedView[]) =>
    list.length > 0 && (
      <Stack gap={2}>
        <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
          {title}
        </Text>
        {list.map((view) => (
          <Group key={view.id} gap={4} wrap="nowrap" justify="space-between">
            <UnstyledButton
              onClick={() => {
                onApply(view.filters);
                setOpened(false);
              }}
              fz="sm"
              px={6}
              py={4}
              style={{ flex: 1, borderRadius: 4 }}
              bg={view.id === current?.id ? "blue.0" : undefined}
              aria-current={view.id === current?.id || undefined}
            >
              {view.name}
            </UnstyledButton>
            {view.canEdit && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t("queue.savedViews.rename", { name: view.name })}
                onClick={() => {
                  setOpened(false);
                  setEditing(view);
                }}
              >
                <IconPencil size={14} aria-hidden />
              </ActionIcon>
            )}
            {view.canEdit && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t("queue.savedViews.delete", { name: view.name })}
                loading={remove.isPending && remove.variables === view.id}
                onClick={() =>
                  remove.mutate(view.id, {
                    onSuccess: () =>
                      notifications.show({ message: t("queue.savedViews.deleted", { name: view.name }) }),
                  })
                }
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
    );

  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={300}
        shadow="md"
        withinPortal
      >
        <Popover.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconBookmarks size={14} aria-hidden />}
            onClick={() => setOpened((open) => !open)}
          >
            {current ? `${t("queue.savedViews")}: ${current.name}` : t("queue.savedViews")}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="sm">
            <ErrorAlert error={views.error ?? remove.error} />
            {group(
              t("queue.savedViews.shared"),
              items.filter((view) => view.shared),
            )}
            {group(
              t("queue.savedViews.personal"),
              items.filter((view) => !view.shared),
            )}
            {views.isSuccess && items.length === 0 && (
              <Text fz="sm" c="dimmed">
                {t("queue.savedViews.empty")}
              </Text>
            )}
            <Divider />
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDeviceFloppy size={14} aria-hidden />}
              onClick={() => {
                setOpened(false);
                save.open();
              }}
            >
              {t("queue.savedViews.save")}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <SaveViewModal
        opened={saving}
        onClose={save.close}
        filters={filters}
        canShare={views.data?.canShare ?? false}
      />
      {editing && (
        <SaveViewModal
          opened
          onClose={() => setEditing(null)}
          filters={editing.filters}
          canShare={views.data?.canShare ?? false}
          editing={editing}
        />
      )}
    </>
  );
}

function SaveViewModal({
  opened,
  onClose,
  filters,
  canShare,
  editing,
}: {
  opened: boolean;
  onClose: () => void;
  filters: QueueFilters;
  canShare: boolean;
  /** Renaming (or sharing) this view instead of saving a new one; its filters stay. */
  editing?: SavedView;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(editing?.name ?? "");
  const [shared, setShared] = useState(editing?.shared ?? false);
  const createView = useSaveView();
  const updateView = useUpdateView();
  const saveView = editing ? updateView : createView;
  const nameError = fieldError(saveView.error, "name");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = { name, shared: canShare && shared, filters };
    const save = (onSuccess: (view: SavedView) => void) =>
      editing
        ? updateView.mutate({ id: editing.id, request }, { onSuccess })
        : createView.mutate(request, { onSuccess });
    save((view) => {
      notifications.show({
        color: "teal",
        icon: view.shared ? <IconUsers size={16} /> : <IconBookmark size={16} />,
        message: t("queue.savedViews.saved", { name: view.name }),
      });
      setName("");
      setShared(false);
      saveView.reset();
      onClose();
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t("queue.savedViews.renameTitle") : t("queue.savedViews.saveTitle")}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          {!editing && (
            <Text fz="sm" c="dimmed">
              {t("queue.savedViews.saveIntro")}
            </Text>
          )}
          {saveView.error && !nameError && <ErrorAlert error={saveView.error} />}
          <TextInput
            label={t("queue.savedViews.name")}
            placeholder={t("queue.savedViews.namePlaceholder")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            maxLength={60}
            required
            data-autofocus
          />
          {canShare && (
            <Checkbox
              label={t("queue.savedViews.share")}
              description={t("queue.savedViews.shareHint")}
              checked={shared}
              onChange={(event) => setShared(event.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={saveView.isPending}>
              {t("queue.savedViews.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
