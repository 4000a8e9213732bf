// "Calendários de atendimento": each calendar's hours and holidays; admins create and edit them.
import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Calendar } from "../../../contracts/sla";
import { useI18n } from "../../i18n/i18n";
import { CalendarSummary } from "../../policy/CalendarSummary";
import { CalendarEditor } from "./CalendarEditor";

type Editing = { calendar: Calendar | null } | null;

export function CalendarsSection({ calendars, canEdit }: { calendars: Calendar[]; canEdit: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <Stack gap="sm" component="section" aria-label={t("calendars.title")}>
      <Group justify="space-between">
        <Title order={2} fz="h4">
          {t("calendars.title")}
        </Title>
        {canEdit && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ calendar: null })}
          >
            {t("calendars.new")}
          </Button>
        )}
      </Group>
      {calendars.map((calendar) => (
        <Paper key={calendar.id} withBorder radius="md" p="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} fz="md">
                {calendar.name}
              </Title>
              {canEdit && (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing({ calendar })}
                  aria-label={t("calendars.edit", { name: calendar.name })}
                >
                  {t("plans.editShort")}
                </Button>
              )}
            </Group>
            <CalendarSummary calendar={calendar} showZoneId />
          </Stack>
        </Paper>
      ))}
      {editing && <CalendarEditor calendar={editing.calendar} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
