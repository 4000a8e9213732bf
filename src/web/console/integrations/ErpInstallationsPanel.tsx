// "Integrações" → "Instalações do ERP" (admins): the ERP installations whose signed "Suporte" links
// sign people in, with their company, algorithm, last use and state; register, change, revoke.
// Self-contained, so that "Integrações" can show it beside the other integration panels.
import { Badge, Button, Code, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { ErpInstallation, ErpInstallationState } from "../../../contracts/erp-installations";
import { useErpInstallations, useRevokeErpInstallation } from "../../api/erp-installations";
import { useMe } from "../../api/me";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { NotFoundPage } from "../../shell/NotFoundPage";
import { ErpInstallationModal } from "./ErpInstallationModal";
import { ErpSecretModal } from "./ErpSecretModal";

const STATE_COLORS: Record<ErpInstallationState, string> = {
  active: "teal",
  inactive: "yellow",
  revoked: "gray",
};

export function ErpInstallationsPanel() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const installations = useErpInstallations();
  const revoke = useRevokeErpInstallation();
  // null: closed; "new": registering; an installation: changing it.
  const [editing, setEditing] = useState<ErpInstallation | "new" | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  if (me.data && !me.data.abilities.manageIntegrations) return <NotFoundPage />;

  const confirmRevoke = (installation: ErpInstallation) => {
    if (window.confirm(t("erpInstallations.revokeConfirm", { name: installation.name })))
      revoke.mutate(installation.id);
  };
  const items = installations.data?.items ?? [];

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={2} fz="h3">
          {t("erpInstallations.title")}
        </Title>
        <Text c="dimmed">{t("erpInstallations.intro")}</Text>
      </Stack>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
          {t("erpInstallations.new")}
        </Button>
      </Group>
      {installations.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={installations.error ?? revoke.error} />
      {installations.data && items.length === 0 && (
        <Text c="dimmed" fz="sm">
          {t("erpInstallations.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder fz="sm" aria-label={t("erpInstallations.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("erpInstallations.name")}</Table.Th>
                <Table.Th>{t("erpInstallations.company")}</Table.Th>
                <Table.Th>{t("erpInstallations.algorithm")}</Table.Th>
                <Table.Th>{t("erpInstallations.createdAt")}</Table.Th>
                <Table.Th>{t("erpInstallations.lastUsedAt")}</Table.Th>
                <Table.Th>{t("erpInstallations.state")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {item.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t("erpInstallations.issuer")}: <Code fz="xs">{item.id}</Code>
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.companyName}</Table.Td>
                  <Table.Td>{item.algorithm}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {item.lastUsedAt ? formatDateTime(item.lastUsedAt) : t("erpInstallations.never")}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[item.state]} variant="light" size="sm">
                      {t(`erpInstallations.state.${item.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {item.state !== "revoked" && (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(item)}>
                          {t("erpInstallations.edit")}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => confirmRevoke(item)}
                          loading={revoke.isPending && revoke.variables === item.id}
                        >
                          {t("erpInstallations.revoke")}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErpInstallationModal
        installation={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          if (saved.secret) setSecret(saved.secret);
        }}
      />
      <ErpSecretModal secret={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}
