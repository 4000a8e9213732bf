// "Prioridade": the four levels, each with its one-line meaning, so the customer picks the right one.
import { Group, Radio, SimpleGrid, Stack, Text } from "@mantine/core";
import { Priority } from "../../../contracts/tickets";
import { PRIORITY_COLORS } from "../../components/tickets/PriorityBadge";
import { useI18n } from "../../i18n/i18n";

interface PriorityFieldProps {
  value: Priority | null;
  onChange: (priority: Priority) => void;
  error: string | undefined;
}

export function PriorityField({ value, onChange, error }: PriorityFieldProps) {
  const { t } = useI18n();
  return (
    <Radio.Group
      label={t("ticket.field.priority")}
      withAsterisk
      value={value}
      onChange={(chosen) => {
        const parsed = Priority.safeParse(chosen);
        if (parsed.success) onChange(parsed.data);
      }}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
        {Priority.options.map((priority) => (
          <Radio.Card
            key={priority}
            value={priority}
            radius="md"
            p="sm"
            bg={priority === value ? "uno.0" : undefined}
            bd={priority === value ? "1px solid var(--mantine-color-uno-5)" : undefined}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator color={PRIORITY_COLORS[priority]} mt={2} />
              <Stack gap={2}>
                <Text fz="sm" fw={600}>
                  {t(`ticket.priority.${priority}`)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {t(`ticket.priorityMeaning.${priority}`)}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
