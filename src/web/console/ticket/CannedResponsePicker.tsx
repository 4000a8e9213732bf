// "Inserir resposta pronta": search the team's and one's own canned responses, pick one with the
// arrows and Enter (or a click); its text, filled in for this ticket, goes into the reply box.
import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconSearch, IconSettings } from "@tabler/icons-react";
import { type KeyboardEvent, useState } from "react";
import type { CannedResponse } from "../../../contracts/canned";
import { renderCannedResponse, useCannedResponses } from "../../api/console-work";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

const SEARCH_DEBOUNCE_MS = 150;

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function matches(reply: CannedResponse, search: string): boolean {
  const wanted = fold(search.trim());
  return wanted === "" || fold(`${reply.title}\n${reply.body}`).includes(wanted);
}

interface PickerProps {
  opened: boolean;
  ticketNumber: number;
  /** Puts the filled-in text into the reply box. */
  onInsert: (text: string) => void;
  /** Opens the manager instead. */
  onManage: () => void;
  /** Closed, picked or not: the caller puts the focus back in the reply box. */
  onClose: () => void;
}

export function CannedResponsePicker(props: PickerProps) {
  const { t } = useI18n();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      // The caller focuses the reply box, where the text was (or would have been) inserted.
      returnFocus={false}
      title={t("canned.pickerTitle")}
      size="lg"
    >
      {/* Mounted only while open: each opening starts with an empty search. */}
      {props.opened && <PickerBody {...props} />}
    </Modal>
  );
}

function PickerBody({ ticketNumber, onInsert, onManage, onClose }: PickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  // A team's replies usually fit in one page: then the search runs here, at once and accent-blind;
  // otherwise the server searches (and what was typed since narrows its answer meanwhile).
  const first = useCannedResponses("");
  const complete = first.data !== undefined && first.data.nextCursor === null;
  const list = useCannedResponses(complete ? "" : q);
  const items = (list.data?.items ?? []).filter((reply) => matches(reply, search));
  const [active, setActive] = useState(0);
  const [inserting, setInserting] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const pick = async (reply: CannedResponse | undefined) => {
    if (!reply || inserting) return;
    setInserting(true);
    setError(null);
    try {
      const body = await renderCannedResponse(reply.id, ticketNumber);
      onClose();
      onInsert(body);
      notifications.show({ color: "teal", message: t("canned.inserted") });
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setInserting(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + step, 0), Math.max(items.length - 1, 0)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      void pick(items[active]);
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        label={t("canned.search")}
        placeholder={t("canned.searchPlaceholder")}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={list.isFetching || inserting ? <Loader size="xs" /> : null}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        aria-controls="canned-response-options"
        aria-activedescendant={items[active] ? `canned-${items[active].id}` : undefined}
      />
      <ErrorAlert error={error ?? list.error} />
      <ScrollArea.Autosize mah={360} type="auto">
        <Stack gap={4} role="listbox" id="canned-response-options" aria-label={t("canned.managerTitle")}>
          {items.map((reply, index) => (
            <UnstyledButton
              key={reply.id}
              id={`canned-${reply.id}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setActive(index)}
              onClick={() => void pick(reply)}
              p="xs"
              style={{
                borderRadius: "var(--mantine-radius-md)",
                background: index === active ? "var(--mantine-color-uno-0)" : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text fz="sm" fw={600}>
                  {reply.title}
                </Text>
                <Badge size="xs" variant="light" color={reply.shared ? "uno" : "gray"}>
                  {reply.shared ? t("canned.shared") : t("canned.personal")}
                </Badge>
              </Group>
              <Text fz="xs" c="dimmed" lineClamp={2}>
                {reply.body}
              </Text>
            </UnstyledButton>
          ))}
          {list.isSuccess && items.length === 0 && (
            <Text fz="sm" c="dimmed" py="sm">
              {t("canned.empty")}
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
      <Group justify="space-between" gap="xs">
        <Text fz="xs" c="dimmed">
          {t("canned.keystrokeHint")}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconSettings size={14} aria-hidden />}
          onClick={onManage}
        >
          {t("canned.manage")}
        </Button>
      </Group>
    </Stack>
  );
}
