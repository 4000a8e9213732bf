// The signed-in user's controls (who, language, "Sair"): in the header on wide screens, in the menu on phones.
import { Divider, Group, Stack } from "@mantine/core";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "./SignOutButton";
import { UserBadge } from "./UserBadge";

export function HeaderSessionControls({ onDark = false }: { onDark?: boolean }) {
  return (
    <Group gap={onDark ? "sm" : "md"} wrap="nowrap">
      <UserBadge onDark={onDark} />
      {!onDark && <Divider orientation="vertical" />}
      <LanguageSwitch size="xs" />
      <SignOutButton onDark={onDark} />
    </Group>
  );
}

export function MenuSessionControls() {
  return (
    <Stack gap="sm" px="sm" pb="sm">
      <UserBadge />
      <LanguageSwitch withLabel />
      <SignOutButton />
    </Stack>
  );
}
