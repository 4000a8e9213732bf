// "ao vivo": a quiet sign that the queue follows changes by itself (or that it is reconnecting).
import { Box, Group, Text, Tooltip } from "@mantine/core";
import { useLiveConnected } from "../../api/live";
import { useI18n } from "../../i18n/i18n";

export function LiveIndicator() {
  const { t } = useI18n();
  const live = useLiveConnected();
  return (
    <Tooltip label={t(live ? "queue.liveHint" : "queue.offlineHint")} multiline maw={260} withArrow>
      <Group gap={6} wrap="nowrap" role="status" data-live={live}>
        <Box
          w={8}
          h={8}
          bg={live ? "teal.6" : "gray.5"}
          style={{
            borderRadius: "50%",
            boxShadow: live ? "0 0 0 3px var(--mantine-color-teal-1)" : undefined,
          }}
          aria-hidden
        />
        <Text fz="xs" c={live ? "teal.8" : "dimmed"} fw={500}>
          {t(live ? "queue.live" : "queue.offline")}
        </Text>
      </Group>
    </Tooltip>
  );
}
