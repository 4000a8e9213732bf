// After a 409: "Enquanto você editava, a ocorrência mudou:" and who changed what, the ticket reloaded,
// and a button to apply the refused change again on top of the current version.
import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconRepeat } from "@tabler/icons-react";
import { useI18n } from "../../i18n/i18n";
import { conflictLine } from "./conflict-text";
import type { TicketChangeControl } from "./use-ticket-change";

export function StaleTicketAlert({ control }: { control: TicketChangeControl }) {
  const { t, locale, formatDateTime } = useI18n();
  const { stale, error } = control;
  if (!error) return null;
  if (!stale)
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
        {error.message}
      </Alert>
    );
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
      <Stack gap={6}>
        <Text fz="sm" fw={600}>
          {stale.changes.length > 0 ? t("conflict.title") : error.message}
        </Text>
        {stale.changes.length > 0 && (
          <List size="sm" spacing={2}>
            {stale.changes.map((change) => (
              <List.Item
                key={`${change.at}-${change.type}-${change.actor?.id ?? ""}-${change.toValue ?? ""}`}
              >
                {conflictLine(change, t, locale)}{" "}
                <Text span fz="xs" c="dimmed">
                  ({formatDateTime(change.at)})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        <Text fz="sm">{t("ticket.reloaded")}</Text>
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          w="fit-content"
          leftSection={<IconRepeat size={14} aria-hidden />}
          disabled={!control.reloaded || control.pending}
          onClick={control.reapply}
        >
          {t("conflict.reapply")}
        </Button>
      </Stack>
    </Alert>
  );
}
