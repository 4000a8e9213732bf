// Who is signed in, for the header: the name, and the company (customers) or the role (staff).
import { Avatar, Group, Stack, Text } from "@mantine/core";
import { useI18n } from "../i18n/i18n";
import { useCurrentUser } from "../shell/current-user";

function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

export function UserBadge({ onDark = false }: { onDark?: boolean }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const detail = me.company?.name ?? t(`role.${me.role}`);
  return (
    <Group gap="xs" wrap="nowrap">
      <Avatar
        color={onDark ? "gray" : "uno"}
        variant={onDark ? "white" : "light"}
        radius="xl"
        size={onDark ? 30 : 36}
      >
        {initialsOf(me.name)}
      </Avatar>
      <Stack gap={0} miw={0}>
        <Text fz="sm" fw={600} lh={1.3} c={onDark ? "white" : undefined} truncate="end">
          {me.name}
        </Text>
        <Text fz="xs" lh={1.3} c={onDark ? "gray.4" : "dimmed"} truncate="end" maw={280}>
          {detail}
        </Text>
      </Stack>
    </Group>
  );
}
