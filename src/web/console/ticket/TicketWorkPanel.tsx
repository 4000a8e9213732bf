// "Classificação": who handles the ticket (assignee, "Atribuir a mim"), its category, screen and tags,
// each change sent with the ticket's version; a stale one says what changed meanwhile.
import {
  ActionIcon,
  Autocomplete,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  TagsInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDeviceDesktop, IconKeyboard, IconTags, IconUserCheck } from "@tabler/icons-react";
import { useState } from "react";
import { MAX_TICKET_TAGS, type Ticket, TicketTag } from "../../../contracts/tickets";
import { fieldError } from "../../api/api-error";
import { useStaff } from "../../api/console-work";
import { useCategories } from "../../api/kb";
import { useScreens } from "../../api/screens";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { useShortcutHelp } from "../shortcuts/shortcuts";
import { StaleTicketAlert } from "./StaleTicketAlert";
import { STATUS_FIELD_ID, useTicketShortcuts } from "./TicketShortcuts";
import { useTicketChange } from "./use-ticket-change";

export function TicketWorkPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const control = useTicketChange(ticket);
  const openHelp = useShortcutHelp();
  useTicketShortcuts("shortcuts.ticketGroup", {
    a: () => {
      if (ticket.assignee?.id !== me.id) control.change({ assigneeId: me.id }, t("shortcuts.assigned"));
    },
    s: () => {
      const field = document.getElementById(STATUS_FIELD_ID);
      field?.focus();
      field?.click();
    },
  });
  const staff = useStaff();
  const categories = useCategories();
  const busy = control.pending || !ticket.abilities.change;

  const people = staff.data?.items ?? [];
  const assigneeOptions = people.map((person) => ({ value: person.id, label: person.name }));
  // Someone no longer on the team may still hold the ticket: keep them visible.
  if (ticket.assignee && !people.some((person) => person.id === ticket.assignee?.id))
    assigneeOptions.push({ value: ticket.assignee.id, label: ticket.assignee.name });
  const categoryOptions = (categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (!categoryOptions.some((c) => c.value === ticket.categoryId))
    categoryOptions.push({ value: ticket.categoryId, label: ticket.categoryName });

  return (
    <Paper withBorder radius="lg" p="lg" bg="gray.0" component="section" aria-labelledby="ticket-work-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="h4" id="ticket-work-title">
            {t("work.title")}
          </Title>
          <Tooltip label={t("shortcuts.open")}>
            <ActionIcon variant="subtle" color="gray" aria-label={t("shortcuts.open")} onClick={openHelp}>
              <IconKeyboard size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        <StaleTicketAlert control={control} />
        <Select
          label={t("ticket.field.assignee")}
          placeholder={t("work.unassigned")}
          data={assigneeOptions}
          value={ticket.assignee?.id ?? null}
          searchable
          clearable
          nothingFoundMessage={t("work.assigneeNone")}
          disabled={busy}
          error={fieldError(control.error, "assigneeId")}
          onChange={(value) => {
            if (value !== (ticket.assignee?.id ?? null)) control.change({ assigneeId: value });
          }}
        />
        {ticket.assignee?.id !== me.id && (
          <Button
            variant="light"
            size="compact-sm"
            w="fit-content"
            leftSection={<IconUserCheck size={14} aria-hidden />}
            disabled={busy}
            onClick={() => control.change({ assigneeId: me.id })}
          >
            {t("work.assignToMe")}
          </Button>
        )}
        <Select
          label={t("ticket.field.category")}
          data={categoryOptions}
          value={ticket.categoryId}
          allowDeselect={false}
          disabled={busy}
          error={fieldError(control.error, "categoryId")}
          onChange={(value) => {
            if (value && value !== ticket.categoryId) control.change({ categoryId: value });
          }}
        />
        <ScreenPicker
          ticket={ticket}
          disabled={busy}
          error={fieldError(control.error, "screenCode")}
          onPick={(code) => control.change({ screenCode: code })}
        />
        <TagsPicker ticket={ticket} disabled={busy} onChange={(tags) => control.change({ tags })} />
      </Stack>
    </Paper>
  );
}

/** The screen as "CODE – name"; typing searches the catalog like the portal's field. */
function ScreenPicker({
  ticket,
  disabled,
  error,
  onPick,
}: {
  ticket: Ticket;
  disabled: boolean;
  error: string | undefined;
  onPick: (code: string) => void;
}) {
  const { t } = useI18n();
  const current = `${ticket.screenCode} – ${ticket.screenName}`;
  const [text, setText] = useState(current);
  const [q] = useDebouncedValue(text === current ? "" : text.trim(), 200);
  const screens = useScreens(q);
  return (
    <Autocomplete
      key={current}
      label={t("ticket.field.screen")}
      placeholder={t("work.screenPlaceholder")}
      leftSection={<IconDeviceDesktop size={16} aria-hidden />}
      value={text}
      onChange={setText}
      data={(screens.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` }))}
      filter={({ options }) => options}
      limit={10}
      disabled={disabled}
      error={error}
      onFocus={(event) => event.currentTarget.select()}
      onBlur={() => setText(current)}
      onOptionSubmit={(code) => {
        if (code !== ticket.screenCode) onPick(code);
      }}
    />
  );
}

/** Internal tags; each one checked like the server does before the change is sent. */
function TagsPicker({
  ticket,
  disabled,
  onChange,
}: {
  ticket: Ticket;
  disabled: boolean;
  onChange: (tags: string[]) => void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <TagsInput
      label={t("ticket.field.tags")}
      description={t("work.tagsHint", { max: MAX_TICKET_TAGS })}
      placeholder={t("work.tagsPlaceholder")}
      leftSection={<IconTags size={16} aria-hidden />}
      value={ticket.tags}
      maxTags={MAX_TICKET_TAGS}
      splitChars={[",", " "]}
      clearable
      disabled={disabled}
      error={problem}
      onChange={(values) => {
        const tags: string[] = [];
        for (const value of values) {
          const parsed = TicketTag.safeParse(value);
          if (!parsed.success) return setProblem(t("work.tagInvalid", { tag: value }));
          tags.push(parsed.data);
        }
        setProblem(null);
        const unique = [...new Set(tags)].sort();
        if (unique.join(",") !== [...ticket.tags].sort().join(",")) onChange(unique);
      }}
    />
  );
}
