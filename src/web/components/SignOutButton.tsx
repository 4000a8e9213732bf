// "Sair": ends the session on the server, then reloads on the sign-in page so nothing of the user stays in memory.
import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLogout } from "@tabler/icons-react";
import { useLogout } from "../api/auth";
import { useI18n } from "../i18n/i18n";

export function SignOutButton({ onDark = false }: { onDark?: boolean }) {
  const { t } = useI18n();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => window.location.replace("/login"),
      onError: (error) => notifications.show({ color: "red", message: error.message }),
    });
  return (
    <Button
      variant={onDark ? "white" : "default"}
      size={onDark ? "xs" : "sm"}
      leftSection={<IconLogout size={16} aria-hidden />}
      loading={logout.isPending}
      style={{ flexShrink: 0 }}
      onClick={signOut}
    >
      {t("app.signOut")}
    </Button>
  );
}
