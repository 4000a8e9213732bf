// "Feriados": a calendar's holidays for one year; admins remove, restore and add them (effective at once).
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowBackUp, IconChevronLeft, IconChevronRight, IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { fieldError } from "../../api/api-error";
import { useAddHoliday, useCalendarHolidays, useRemoveHoliday, useRestoreHoliday } from "../../api/sla";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { formatIsoDate } from "../../policy/format-sla";
import {
  emptyHolidayDraft,
  type HolidayDraft,
  type HolidayRow,
  holidayRequestFrom,
  holidayRows,
  yearToShow,
} from "./holiday-form";

export function CalendarHolidaysSection({ calendarId }: { calendarId: string }) {
  const { t } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const holidays = useCalendarHolidays(calendarId, year);
  const remove = useRemoveHoliday(calendarId);
  const restore = useRestoreHoliday(calendarId);

  return (
    <Stack gap="sm" component="section" aria-label={t("calendarHolidays.title", { year })}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} fz="md">
          {t("calendarHolidays.title", { year })}
        </Title>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            onClick={() => setYear(year - 1)}
            aria-label={t("calendarHolidays.previousYear")}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            onClick={() => setYear(year + 1)}
            aria-label={t("calendarHolidays.nextYear")}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
        </Group>
      </Group>
      <Text fz="xs" c="dimmed">
        {t("calendarHolidays.hint")}
      </Text>
      {holidays.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
      <ErrorAlert error={holidays.error} />
      {holidays.data && (
        <HolidayTable
          rows={holidayRows(holidays.data)}
          year={year}
          busy={remove.isPending || restore.isPending}
          onRemove={(date) =>
            remove.mutate(date, {
              onSuccess: () => notifications.show({ color: "teal", message: t("calendarHolidays.removed") }),
            })
          }
          onRestore={(date) =>
            restore.mutate(date, {
              onSuccess: () => notifications.show({ color: "teal", message: t("calendarHolidays.restored") }),
            })
          }
        />
      )}
      <ErrorAlert error={remove.error ?? restore.error} />
      <AddHolidayForm calendarId={calendarId} onAdded={setYear} />
    </Stack>
  );
}

interface HolidayTableProps {
  rows: HolidayRow[];
  year: number;
  busy: boolean;
  onRemove: (date: string) => void;
  onRestore: (date: string) => void;
}

function HolidayTable({ rows, year, busy, onRemove, onRestore }: HolidayTableProps) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return <Text fz="sm">{t("calendarHolidays.empty", { year })}</Text>;
  return (
    <Table fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("calendarHolidays.date")}</Table.Th>
          <Table.Th>{t("calendarHolidays.column.name")}</Table.Th>
          <Table.Th>{t("calendarHolidays.column.scope")}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t("calendarHolidays.column.action")}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const date = formatIsoDate(row.date, locale);
          const label = { name: row.name, date };
          return (
            <Table.Tr key={`${row.date}-${row.removed}`} c={row.removed ? "dimmed" : undefined}>
              <Table.Td>{date}</Table.Td>
              <Table.Td td={row.removed ? "line-through" : undefined}>{row.name}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="light" color={row.scope === "custom" ? "grape" : "blue"}>
                    {t(`calendarHolidays.scope.${row.scope}`)}
                  </Badge>
                  {row.removed && (
                    <Badge variant="outline" color="gray">
                      {t("calendarHolidays.removedBadge")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                {row.removed ? (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    leftSection={<IconArrowBackUp size={14} />}
                    onClick={() => onRestore(row.date)}
                    disabled={busy}
                    aria-label={t("calendarHolidays.restore", label)}
                  >
                    {t("calendarHolidays.restoreShort")}
                  </Button>
                ) : (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onRemove(row.date)}
                    disabled={busy}
                    aria-label={t("calendarHolidays.remove", label)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** A separate form (the calendar's own form saves on its button; this one applies at once). */
function AddHolidayForm({ calendarId, onAdded }: { calendarId: string; onAdded: (year: number) => void }) {
  const { t } = useI18n();
  const add = useAddHoliday(calendarId);
  const [draft, setDraft] = useState<HolidayDraft>(emptyHolidayDraft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = holidayRequestFrom(draft);
    add.mutate(request, {
      onSuccess: (holidays) => {
        notifications.show({ color: "teal", message: t("calendarHolidays.added") });
        setDraft(emptyHolidayDraft);
        onAdded(yearToShow(request, holidays.year));
      },
    });
  };

  const otherError = add.error && !fieldError(add.error, "date") && !fieldError(add.error, "name");
  return (
    <form onSubmit={submit} noValidate aria-label={t("calendarHolidays.addTitle")}>
      <Stack gap="xs">
        <Text fw={600} fz="sm">
          {t("calendarHolidays.addTitle")}
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t("calendarHolidays.date")}
            placeholder={t("calendarHolidays.datePlaceholder")}
            value={draft.date}
            onChange={(event) => setDraft({ ...draft, date: event.currentTarget.value })}
            error={fieldError(add.error, "date")}
            w={150}
            required
          />
          <TextInput
            label={t("calendarHolidays.name")}
            placeholder={t("calendarHolidays.namePlaceholder")}
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
            error={fieldError(add.error, "name")}
            style={{ flex: 1, minWidth: 200 }}
            required
          />
          <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={add.isPending}>
            {t("calendarHolidays.add")}
          </Button>
        </Group>
        {otherError && <ErrorAlert error={add.error} />}
      </Stack>
    </form>
  );
}
