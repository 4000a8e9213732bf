// A business calendar in words: its weekly hours, time zone, extra closed days and next holidays.
import { List, Stack, Text, Title } from "@mantine/core";
import type { Calendar } from "../../contracts/sla";
import { useI18n } from "../i18n/i18n";
import { describeTimeZone, describeWeeklyHours, formatIsoDate } from "./format-sla";

const HOLIDAYS_SHOWN = 8;

interface CalendarSummaryProps {
  calendar: Calendar;
  /** Staff editing calendars also see the zone's IANA id, the value the editor takes. */
  showZoneId?: boolean;
}

export function CalendarSummary({ calendar, showZoneId = false }: CalendarSummaryProps) {
  const { t, locale } = useI18n();
  const hours = describeWeeklyHours(calendar.weeklyHours, locale, t);
  const holidays = calendar.upcomingHolidays.slice(0, HOLIDAYS_SHOWN);
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Title order={3} fz="md">
          {t("policy.businessHours")}
        </Title>
        {hours.length === 0 && <Text fz="sm">{t("policy.noBusinessHours")}</Text>}
        {hours.map((line) => (
          <Text key={line} fz="sm">
            {line}
          </Text>
        ))}
        <Text fz="xs" c="dimmed">
          {describeTimeZone(calendar.timeZone, showZoneId, t)}
        </Text>
        {calendar.closedDates.length > 0 && (
          <Text fz="xs" c="dimmed">
            {t("policy.closedDates", {
              dates: calendar.closedDates.map((date) => formatIsoDate(date, locale)).join(", "),
            })}
          </Text>
        )}
      </Stack>
      <Stack gap={4}>
        <Title order={3} fz="md">
          {t("policy.holidays")}
        </Title>
        {holidays.length === 0 ? (
          <Text fz="sm">{t("policy.noHolidays")}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {holidays.map((holiday) => (
              <List.Item key={`${holiday.date}-${holiday.name}`}>
                {formatIsoDate(holiday.date, locale)} — {holiday.name}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
