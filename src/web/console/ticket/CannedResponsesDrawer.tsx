// "Respostas prontas": the agent's own canned responses and the team's shared ones, created, changed and
// deleted here (shared ones by supervisors and admins; the server says who may do what to each).
import {
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconSearch, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { CANNED_PLACEHOLDERS, type CannedResponse } from "../../../contracts/canned";
import { fieldError } from "../../api/api-error";
import { useCannedResponses, useDeleteCannedResponse, useSaveCannedResponse } from "../../api/console-work";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

interface Draft {
  id: string | null;
  title: string;
  body: string;
  shared: boolean;
}

const placeholderList = CANNED_PLACEHOLDERS.map(({ name, alias }) => `{${name}} ({${alias}})`).join(", ");

export function CannedResponsesDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={t("canned.managerTitle")}>
      {opened && <Manager />}
    </Drawer>
  );
}

function Manager() {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 200);
  const list = useCannedResponses(q);
  const [draft, setDraft] = useState<Draft | null>(null);
  const canShare = list.data?.canShare ?? false;

  if (draft) return <Editor draft={draft} canShare={canShare} onDone={() => setDraft(null)} />;
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap">
        <TextInput
          flex={1}
          aria-label={t("canned.search")}
          placeholder={t("canned.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setDraft({ id: null, title: "", body: "", shared: false })}
        >
          {t("canned.new")}
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      {list.data?.items.map((reply) => (
        <ReplyCard
          key={reply.id}
          reply={reply}
          onEdit={() =>
            setDraft({ id: reply.id, title: reply.title, body: reply.body, shared: reply.shared })
          }
        />
      ))}
      {list.isSuccess && list.data.items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t("canned.empty")}
        </Text>
      )}
    </Stack>
  );
}

function ReplyCard({ reply, onEdit }: { reply: CannedResponse; onEdit: () => void }) {
  const { t } = useI18n();
  const remove = useDeleteCannedResponse();
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={reply.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fz="sm" fw={600}>
            {reply.title}
          </Text>
          <Badge size="xs" variant="light" color={reply.shared ? "uno" : "gray"}>
            {reply.shared ? t("canned.shared") : t("canned.personal")}
          </Badge>
        </Group>
        <Text fz="xs" c="dimmed" lineClamp={3} style={{ whiteSpace: "pre-line" }}>
          {reply.body}
        </Text>
        <ErrorAlert error={remove.error} />
        {reply.editable && !confirming && (
          <Group gap="xs">
            <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} />} onClick={onEdit}>
              {t("canned.edit")}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => setConfirming(true)}
            >
              {t("canned.delete")}
            </Button>
          </Group>
        )}
        {confirming && (
          <Group gap="xs">
            <Text fz="sm">{t("canned.deleteConfirm", { title: reply.title })}</Text>
            <Button
              size="compact-sm"
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(reply.id, {
                  onSuccess: () => notifications.show({ color: "teal", message: t("canned.deleted") }),
                })
              }
            >
              {t("canned.delete")}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
              {t("canned.cancel")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Editor({ draft, canShare, onDone }: { draft: Draft; canShare: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const save = useSaveCannedResponse();
  const [values, setValues] = useState(draft);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("canned.saved") });
        onDone();
      },
    });
  };
  // Field messages go under their fields; anything else above the form.
  const formError = fieldError(save.error, "title") || fieldError(save.error, "body") ? null : save.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={600}>{draft.id === null ? t("canned.new") : t("canned.edit")}</Text>
        <ErrorAlert error={formError} />
        <TextInput
          label={t("canned.titleField")}
          required
          value={values.title}
          onChange={(event) => setValues({ ...values, title: event.currentTarget.value })}
          error={fieldError(save.error, "title")}
        />
        <Textarea
          label={t("canned.bodyField")}
          description={t("canned.placeholdersHint", { placeholders: placeholderList })}
          required
          autosize
          minRows={6}
          maxRows={16}
          value={values.body}
          onChange={(event) => setValues({ ...values, body: event.currentTarget.value })}
          error={fieldError(save.error, "body")}
        />
        {draft.id === null && canShare && (
          <Checkbox
            label={t("canned.sharedField")}
            checked={values.shared}
            onChange={(event) => setValues({ ...values, shared: event.currentTarget.checked })}
          />
        )}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("canned.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("canned.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
