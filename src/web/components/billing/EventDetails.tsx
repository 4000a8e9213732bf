// Under a history line that is not a message: an estimate's hours, and the words that came with the
// change (the reason for a reclassification, an estimate's description, the customer's note).
import { Paper, Stack, Text } from "@mantine/core";
import type { TicketEvent } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { SanitizedHtml } from "../tickets/SanitizedHtml";
import { formatHours } from "./hours";

const ESTIMATE_EVENTS: ReadonlySet<TicketEvent["type"]> = new Set([
  "estimate_sent",
  "estimate_approved",
  "estimate_declined",
  "estimate_withdrawn",
]);

export function EventDetails({ event }: { event: TicketEvent }) {
  const { t, locale } = useI18n();
  // Messages and call summaries render their own bodies.
  if (event.type === "message" || event.type === "call_logged") return null;
  const hours = ESTIMATE_EVENTS.has(event.type) && event.durationMinutes !== null;
  if (!hours && event.bodyHtml === null) return null;
  return (
    <Stack gap={4}>
      {hours && (
        <Text fz="sm" fw={600}>
          {t("billing.event.hours", { hours: formatHours(event.durationMinutes ?? 0, locale) })}
        </Text>
      )}
      {event.bodyHtml !== null && (
        <Paper p="xs" radius="md" withBorder bg="gray.0">
          <SanitizedHtml html={event.bodyHtml} fz="sm" />
        </Paper>
      )}
    </Stack>
  );
}
