// "Usuários": the support team and every company's people in one list, with filters, invitations
// (the one-time link shown to copy), role changes, deactivation, password links and "desbloquear".
import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Role } from "../../../contracts/common";
import type { PasswordLink, User } from "../../../contracts/users";
import { formatDateTime } from "../../../i18n/format-date";
import { useCompanyList, useUserList } from "../../api/accounts";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { usePhoneLayout } from "../../components/use-phone-layout";
import { useI18n } from "../../i18n/i18n";
import { InviteUserModal } from "./InviteUserModal";
import { PasswordLinkModal } from "./PasswordLinkModal";
import { UserActions } from "./UserActions";
import { UserStatusBadge } from "./UserStatusBadge";

export function UsersPage() {
  const { t } = useI18n();
  usePageTitle(t("nav.users"));
  const phone = usePhoneLayout();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const role = params.get("role");
  const companyId = params.get("companyId");
  const active = params.get("active");
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const users = useUserList({ q: debouncedQ, role, companyId, active });
  const [companySearch, setCompanySearch] = useState("");
  const [debouncedCompany] = useDebouncedValue(companySearch, 250);
  const companies = useCompanyList({ q: debouncedCompany });
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<{ name: string; link: PasswordLink } | null>(null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const companyOptions = (companies.data?.pages.flatMap((page) => page.items) ?? []).map((c) => ({
    value: c.id,
    label: c.name,
  }));
  if (companyId && !companyOptions.some((o) => o.value === companyId)) {
    const name = items.find((u) => u.companyId === companyId)?.companyName;
    companyOptions.unshift({ value: companyId, label: name ?? "…" });
  }

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t("nav.users")}
          </Title>
          <Text c="dimmed">{t("console.users.intro")}</Text>
        </Stack>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => setInviting(true)}>
          {t("users.invite")}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("users.search")}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setFilter("q", e.currentTarget.value.trim() || null);
          }}
          w={phone ? "100%" : 260}
        />
        <Select
          label={t("users.filter.role")}
          data={Role.options.map((value) => ({ value, label: t(`role.${value}`) }))}
          placeholder={t("users.filter.anyRole")}
          value={role}
          onChange={(value) => setFilter("role", value)}
          clearable
          w={phone ? "100%" : 220}
        />
        <Select
          label={t("users.filter.company")}
          data={companyOptions}
          placeholder={t("users.filter.anyCompany")}
          value={companyId}
          onChange={(value) => setFilter("companyId", value)}
          searchable
          searchValue={companySearch}
          onSearchChange={setCompanySearch}
          filter={({ options }) => options}
          clearable
          w={phone ? "100%" : 260}
        />
        <Select
          label={t("users.filter.status")}
          data={[
            { value: "true", label: t("users.filter.active") },
            { value: "false", label: t("users.filter.inactive") },
          ]}
          placeholder={t("users.filter.all")}
          value={active}
          onChange={(value) => setFilter("active", value)}
          clearable
          w={phone ? "100%" : 160}
        />
      </Group>
      {users.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={users.error} />
      {users.data && items.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t("users.empty")}</Text>
        </Paper>
      )}
      {items.length > 0 && (phone ? <UserCards users={items} /> : <UserTable users={items} />)}
      {users.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => void users.fetchNextPage()}
            loading={users.isFetchingNextPage}
          >
            {t("companies.loadMore")}
          </Button>
        </Group>
      )}
      <InviteUserModal
        opened={inviting}
        onClose={() => setInviting(false)}
        onInvited={(name, link) => {
          setInviting(false);
          setCreated({ name, link });
        }}
      />
      <PasswordLinkModal
        link={created?.link ?? null}
        name={created?.name ?? ""}
        onClose={() => setCreated(null)}
      />
    </Stack>
  );
}

function CompanyCell({ user }: { user: User }) {
  const { t } = useI18n();
  if (!user.companyId)
    return (
      <Text fz="sm" c="dimmed">
        {t("users.team")}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/console/companies/${user.companyId}`} fz="sm">
      {user.companyName}
    </Anchor>
  );
}

function LastLogin({ user }: { user: User }) {
  const { t, locale } = useI18n();
  return <>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t("users.never")}</>;
}

export function UserTable({ users, withCompany = true }: { users: User[]; withCompany?: boolean }) {
  const { t } = useI18n();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t("nav.users")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("users.col.name")}</Table.Th>
          <Table.Th>{t("users.col.role")}</Table.Th>
          {withCompany && <Table.Th>{t("users.col.company")}</Table.Th>}
          <Table.Th>{t("users.col.status")}</Table.Th>
          <Table.Th>{t("users.col.lastLogin")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Text fz="sm" fw={500}>
                {user.name}
              </Text>
              <Text fz="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
                {user.email}
              </Text>
            </Table.Td>
            <Table.Td>{t(`role.${user.role}`)}</Table.Td>
            {withCompany && (
              <Table.Td>
                <CompanyCell user={user} />
              </Table.Td>
            )}
            <Table.Td>
              <UserStatusBadge user={user} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>
              <LastLogin user={user} />
            </Table.Td>
            <Table.Td>
              <UserActions user={user} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function UserCards({ users, withCompany = true }: { users: User[]; withCompany?: boolean }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      {users.map((user) => (
        <Paper key={user.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={500}>{user.name}</Text>
              <Text fz="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
                {user.email}
              </Text>
              <Text fz="sm">{t(`role.${user.role}`)}</Text>
              {withCompany && <CompanyCell user={user} />}
              <Group gap="xs">
                <UserStatusBadge user={user} />
              </Group>
              <Text fz="xs" c="dimmed">
                {t("users.col.lastLogin")}: <LastLogin user={user} />
              </Text>
            </Stack>
            <UserActions user={user} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
