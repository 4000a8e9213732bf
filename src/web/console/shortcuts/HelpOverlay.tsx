// The "?" overlay: every shortcut that works on this screen, grouped, with the keys to press.
import { Group, Kbd, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import { useI18n } from "../../i18n/i18n";
import { keyLabels } from "./key-label";

export interface ShortcutGroup {
  title: string;
  items: { keys: string[]; description: string }[];
}

export function HelpOverlay({
  opened,
  onClose,
  groups,
}: {
  opened: boolean;
  onClose: () => void;
  groups: ShortcutGroup[];
}) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t("shortcuts.title")} size="lg">
      <Stack gap="lg">
        <Text fz="sm" c="dimmed">
          {t("shortcuts.intro")}
        </Text>
        {groups.map((group) => (
          <Stack key={group.title} gap={4}>
            <Title order={3} fz="h5">
              {group.title}
            </Title>
            <Table verticalSpacing={6} aria-label={group.title}>
              <Table.Tbody>
                {group.items.map((item) => (
                  <Table.Tr key={item.description}>
                    <Table.Td w="40%">
                      <Group gap={6} wrap="wrap">
                        {item.keys.map((key, index) => (
                          <Fragment key={key}>
                            {index > 0 && (
                              <Text span fz="xs" c="dimmed">
                                {t("shortcuts.or")}
                              </Text>
                            )}
                            <Group gap={2} wrap="nowrap">
                              {keyLabels(key).map((label) => (
                                <Kbd key={label} size="sm">
                                  {label}
                                </Kbd>
                              ))}
                            </Group>
                          </Fragment>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">{item.description}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
