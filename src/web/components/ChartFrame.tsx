// A chart's frame: a titled section with its color legend, around whatever bars it draws.
import { Box, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export interface LegendItem {
  /** A Mantine color, e.g. "teal.6". */
  color: string;
  label: string;
}

export function ChartFrame({
  title,
  legend,
  children,
}: {
  title: string;
  legend: readonly LegendItem[];
  children: ReactNode;
}) {
  return (
    <Paper component="section" aria-label={title} withBorder radius="md" p="md">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="h4">
            {title}
          </Title>
          <Group gap="md" aria-hidden>
            {legend.map((item) => (
              <Group key={item.label} gap={6}>
                <Box w={12} h={12} bg={item.color} style={{ borderRadius: 3 }} />
                <Text fz="xs" c="dimmed">
                  {item.label}
                </Text>
              </Group>
            ))}
          </Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
