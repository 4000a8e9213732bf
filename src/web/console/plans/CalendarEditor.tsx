// The admin's calendar form: weekly hours as text intervals, holiday region, extra closed and open days;
// a second tab adjusts the calendar's holidays.
import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { BRAZILIAN_STATES } from "../../../contracts/companies";
import type { Calendar, CalendarRequest } from "../../../contracts/sla";
import { isApiError } from "../../api/api-error";
import { useSaveCalendar } from "../../api/sla";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { WEEKDAYS, type Weekday } from "../../policy/format-sla";
import { CalendarHolidaysSection } from "./CalendarHolidaysSection";
import { datesToText, rangesToText, textToDates, textToRanges } from "./calendar-form";

const NO_HOLIDAYS = "none";
const NATIONAL = "BR";

interface Draft {
  name: string;
  timeZone: string;
  hours: Record<Weekday, string>;
  holidays: string;
  closedDates: string;
  openDates: string;
}

function draftFrom(calendar: Calendar | null): Draft {
  const week = calendar?.weeklyHours;
  const hours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, week ? rangesToText(week[day]) : ""]),
  ) as Record<Weekday, string>;
  return {
    name: calendar?.name ?? "",
    timeZone: calendar?.timeZone ?? "America/Sao_Paulo",
    hours,
    holidays: calendar?.holidays ? (calendar.holidays.state ?? NATIONAL) : calendar ? NO_HOLIDAYS : NATIONAL,
    closedDates: datesToText(calendar?.closedDates ?? []),
    openDates: datesToText(calendar?.openDates ?? []),
  };
}

function requestFrom(draft: Draft, calendar: Calendar | null): CalendarRequest {
  const weeklyHours = {
    mon: textToRanges(draft.hours.mon),
    tue: textToRanges(draft.hours.tue),
    wed: textToRanges(draft.hours.wed),
    thu: textToRanges(draft.hours.thu),
    fri: textToRanges(draft.hours.fri),
    sat: textToRanges(draft.hours.sat),
    sun: textToRanges(draft.hours.sun),
  };
  const state = BRAZILIAN_STATES.find((known) => known === draft.holidays);
  // The city code has no field here; it is kept while the state stays the same.
  const city = state && calendar?.holidays?.state === state ? calendar.holidays.city : undefined;
  return {
    name: draft.name,
    timeZone: draft.timeZone,
    weeklyHours,
    holidays: draft.holidays === NO_HOLIDAYS ? null : { country: "BR", state, city },
    closedDates: textToDates(draft.closedDates),
    openDates: textToDates(draft.openDates),
  };
}

/** The first API message for this field or anything below it ("weeklyHours.mon" covers "weeklyHours.mon.1.0"). */
function errorUnder(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const key = Object.keys(error.fields).find((name) => name === field || name.startsWith(`${field}.`));
  return key ? error.fields[key] : undefined;
}

export function CalendarEditor({ calendar, onClose }: { calendar: Calendar | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveCalendar(calendar?.id ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(calendar));
  const error = save.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(requestFrom(draft, calendar), {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("calendarEditor.saved") });
        onClose();
      },
    });
  };

  const holidayOptions = [
    { value: NO_HOLIDAYS, label: t("calendarEditor.noHolidays") },
    { value: NATIONAL, label: t("calendarEditor.nationalHolidays") },
    ...BRAZILIAN_STATES.map((state) => ({
      value: state,
      label: t("calendarEditor.stateHolidays", { state }),
    })),
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={calendar ? t("calendarEditor.titleEdit", { name: calendar.name }) : t("calendarEditor.titleNew")}
    >
      <Tabs defaultValue="hours" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="hours">{t("calendarEditor.tab.hours")}</Tabs.Tab>
          <Tabs.Tab value="holidays">{t("calendarEditor.tab.holidays")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="hours">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t("calendarEditor.name")}
                  value={draft.name}
                  onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
                  error={errorUnder(error, "name")}
                  required
                />
                <TextInput
                  label={t("calendarEditor.timeZone")}
                  value={draft.timeZone}
                  onChange={(event) => setDraft({ ...draft, timeZone: event.currentTarget.value })}
                  error={errorUnder(error, "timeZone")}
                />
              </SimpleGrid>
              <Stack gap={6}>
                <Text fw={600} fz="sm">
                  {t("calendarEditor.weeklyHours")}
                </Text>
                <Text fz="xs" c="dimmed">
                  {t("calendarEditor.hoursHint")}
                </Text>
                {WEEKDAYS.map((day) => (
                  <TextInput
                    key={day}
                    label={t(`sla.day.${day}`)}
                    placeholder="08:00–12:00, 13:00–18:00"
                    value={draft.hours[day]}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setDraft((current) => ({ ...current, hours: { ...current.hours, [day]: value } }));
                    }}
                    error={errorUnder(error, `weeklyHours.${day}`)}
                  />
                ))}
              </Stack>
              <Select
                label={t("calendarEditor.holidays")}
                data={holidayOptions}
                value={draft.holidays}
                onChange={(value) => setDraft({ ...draft, holidays: value ?? NO_HOLIDAYS })}
                allowDeselect={false}
                searchable
                error={errorUnder(error, "holidays")}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Textarea
                  label={t("calendarEditor.closedDates")}
                  description={t("calendarEditor.datesHint")}
                  value={draft.closedDates}
                  onChange={(event) => setDraft({ ...draft, closedDates: event.currentTarget.value })}
                  error={errorUnder(error, "closedDates")}
                  autosize
                  minRows={3}
                />
                <Textarea
                  label={t("calendarEditor.openDates")}
                  description={t("calendarEditor.datesHint")}
                  value={draft.openDates}
                  onChange={(event) => setDraft({ ...draft, openDates: event.currentTarget.value })}
                  error={errorUnder(error, "openDates")}
                  autosize
                  minRows={3}
                />
              </SimpleGrid>
              <ErrorAlert error={error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t("calendarEditor.save")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="holidays">
          {calendar ? (
            <CalendarHolidaysSection calendarId={calendar.id} />
          ) : (
            <Text fz="sm">{t("calendarHolidays.saveFirst")}</Text>
          )}
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}
