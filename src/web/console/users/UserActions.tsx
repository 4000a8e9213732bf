// One account's actions in the console: role, deactivate/reactivate, password link, "desbloquear",
// and the person's data (LGPD: export, anonymize) for admins.
// Which of them show comes from the server's abilities (staff accounts are the admin's).
import { ActionIcon, Button, Group, Menu, Modal, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { CUSTOMER_ROLES, isStaffRole, type Role, STAFF_ROLES } from "../../../contracts/common";
import type { User } from "../../../contracts/users";
import { useChangeUser, usePasswordLink, useUnlockUser } from "../../api/accounts";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { PasswordLinkModal } from "./PasswordLinkModal";

type Dialog = "role" | "active" | null;

export function UserActions({ user }: { user: User }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const staff = isStaffRole(user.role);
  const mayManage = staff ? me.abilities.manageStaffAccounts : me.abilities.manageUsers;
  const [dialog, setDialog] = useState<Dialog>(null);
  const link = usePasswordLink();
  const unlock = useUnlockUser();
  if (!mayManage) return null;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t("users.actions", { name: user.name })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog("role")}>{t("users.changeRole")}</Menu.Item>
          {user.id !== me.id && (
            <Menu.Item color={user.active ? "red" : undefined} onClick={() => setDialog("active")}>
              {user.active ? t("users.deactivate") : t("users.reactivate")}
            </Menu.Item>
          )}
          <Menu.Item onClick={() => link.mutate(user.id)}>{t("users.resetLink")}</Menu.Item>
          {user.lockedUntil && (
            <Menu.Item
              onClick={() =>
                unlock.mutate(user.id, {
                  onSuccess: () =>
                    notifications.show({ color: "teal", message: t("users.unlocked", { name: user.name }) }),
                })
              }
            >
              {t("users.unlock")}
            </Menu.Item>
          )}
          {me.abilities.managePersonalData && (
            <Menu.Item component={Link} to={`/console/people/${user.id}/privacy`}>
              {t("users.personalData")}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ErrorAlert error={link.error ?? unlock.error} />
      <PasswordLinkModal link={link.data ?? null} name={user.name} onClose={() => link.reset()} />
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === "role" ? t("users.roleTitle", { name: user.name }) : user.name}
      >
        {dialog === "role" && <RoleForm user={user} onDone={() => setDialog(null)} />}
        {dialog === "active" && <ActiveForm user={user} onDone={() => setDialog(null)} />}
      </Modal>
    </>
  );
}

function RoleForm({ user, onDone }: { user: User; onDone(): void }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const change = useChangeUser();
  const [role, setRole] = useState<Role>(user.role);
  // Only the roles of the account's side; staff roles only for those who manage staff accounts.
  const roles: readonly Role[] = isStaffRole(user.role) ? STAFF_ROLES : CUSTOMER_ROLES;
  return (
    <Stack gap="sm">
      <Select
        label={t("users.form.role")}
        data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
        value={role}
        onChange={(value) => value && setRole(value as Role)}
        allowDeselect={false}
      />
      {!me.abilities.manageStaffAccounts && (
        <Text fz="xs" c="dimmed">
          {t("users.roleNote")}
        </Text>
      )}
      <ErrorAlert error={change.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("companies.form.cancel")}
        </Button>
        <Button
          loading={change.isPending}
          onClick={() => change.mutate({ userId: user.id, request: { role } }, { onSuccess: onDone })}
        >
          {t("users.save")}
        </Button>
      </Group>
    </Stack>
  );
}

function ActiveForm({ user, onDone }: { user: User; onDone(): void }) {
  const { t } = useI18n();
  const change = useChangeUser();
  return (
    <Stack gap="sm">
      <Text fz="sm">
        {user.active
          ? t("users.deactivateConfirm", { name: user.name })
          : t("users.reactivateConfirm", { name: user.name })}
      </Text>
      <ErrorAlert error={change.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("companies.form.cancel")}
        </Button>
        <Button
          color={user.active ? "red" : undefined}
          loading={change.isPending}
          onClick={() =>
            change.mutate({ userId: user.id, request: { active: !user.active } }, { onSuccess: onDone })
          }
        >
          {user.active ? t("users.deactivate") : t("users.reactivate")}
        </Button>
      </Group>
    </Stack>
  );
}
