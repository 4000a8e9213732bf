// What the customer wrote when opening the ticket: the description, the example record and the files sent with it.
import { Paper, Stack, Text, Title } from "@mantine/core";
import type { Ticket } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { AttachmentLinks } from "../attachments/AttachmentLinks";
import { SanitizedHtml } from "./SanitizedHtml";

export function TicketDescription({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  // The files sent with the ticket; later ones belong to the replies that brought them.
  const openingFiles = ticket.events.find((event) => event.type === "opened")?.attachments ?? [];
  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Stack gap={6}>
          <Title order={2} fz="h4">
            {t("ticket.field.description")}
          </Title>
          <SanitizedHtml html={ticket.descriptionHtml} />
        </Stack>
        <Stack gap={2}>
          <Text fz="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
            {t("ticket.field.exampleRecord")}
          </Text>
          <Text fz="sm">{ticket.exampleRecord}</Text>
        </Stack>
        {openingFiles.length > 0 && (
          <Stack gap={6}>
            <Text fz="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
              {t("ticket.field.attachments")}
            </Text>
            <AttachmentLinks attachments={openingFiles} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
