// "Maria está vendo" / "Maria está respondendo": the colleagues on this ticket now, so two people do
// not answer the same thing.
import { Avatar, Badge, Group, Paper, Text } from "@mantine/core";
import { useI18n } from "../../i18n/i18n";
import { useViewers } from "./use-presence";

export function TicketPresence({ number }: { number: number }) {
  const { t } = useI18n();
  const viewers = useViewers(number);
  if (viewers.length === 0) return null;
  return (
    <Paper withBorder radius="lg" px="md" py="sm" component="section" aria-label={t("presence.label")}>
      <Text fz="xs" c="dimmed" mb={6}>
        {t("presence.label")}
      </Text>
      <Group gap="xs">
        {viewers.map((viewer) => {
          const replying = viewer.state === "replying";
          return (
            <Badge
              key={viewer.userId}
              size="lg"
              radius="xl"
              variant="light"
              color={replying ? "orange" : "uno"}
              tt="none"
              fw={500}
              pl={3}
              leftSection={<Avatar name={viewer.name} color="initials" size={22} radius="xl" />}
            >
              {t(replying ? "presence.replying" : "presence.viewing", { name: viewer.name })}
            </Badge>
          );
        })}
      </Group>
    </Paper>
  );
}
