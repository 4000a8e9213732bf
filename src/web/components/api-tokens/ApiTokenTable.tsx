// The tokens in force: name, first characters, scopes, expiry and last use; each revocable at once.
import { Badge, Button, Group, Popover, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ApiToken } from "../../../contracts/tokens";
import { useRevokeApiToken } from "../../api/tokens";
import { useI18n } from "../../i18n/i18n";
import { ErrorAlert } from "../ErrorAlert";

export function ApiTokenTable({ tokens, showCompany }: { tokens: ApiToken[]; showCompany?: boolean }) {
  const { t, formatDateTime } = useI18n();
  const revoke = useRevokeApiToken();
  if (tokens.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        {t("tokens.empty")}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <ErrorAlert error={revoke.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder fz="sm" aria-label={t("tokens.listLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("tokens.name")}</Table.Th>
              <Table.Th>{t("tokens.scopes")}</Table.Th>
              {showCompany && <Table.Th>{t("tokens.company")}</Table.Th>}
              <Table.Th>{t("tokens.expiresAt")}</Table.Th>
              <Table.Th>{t("tokens.lastUsedAt")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {token.name}
                  </Text>
                  <Text fz="xs" c="dimmed" ff="monospace">
                    {token.hint}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((scope) => (
                      <Badge key={scope} variant="light" size="sm" tt="none">
                        {scope}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                {showCompany && <Table.Td>{token.company?.name ?? t("tokens.allCompanies")}</Table.Td>}
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {token.expired ? (
                    <Badge color="red" variant="light">
                      {t("tokens.expired")}
                    </Badge>
                  ) : token.expiresAt ? (
                    formatDateTime(token.expiresAt)
                  ) : (
                    t("tokens.never")
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("tokens.neverUsed")}
                </Table.Td>
                <Table.Td ta="right">
                  <Popover position="bottom-end" withArrow>
                    <Popover.Target>
                      <Button size="xs" variant="subtle" color="red">
                        {t("tokens.revoke")}
                      </Button>
                    </Popover.Target>
                    <Popover.Dropdown>
                      <Stack gap="xs" maw={260}>
                        <Text fz="sm">{t("tokens.revokeConfirm", { name: token.name })}</Text>
                        <Button
                          size="xs"
                          color="red"
                          loading={revoke.isPending && revoke.variables === token.id}
                          onClick={() =>
                            revoke.mutate(token.id, {
                              onSuccess: () =>
                                notifications.show({ color: "teal", message: t("tokens.revoked") }),
                            })
                          }
                        >
                          {t("tokens.revokeNow")}
                        </Button>
                      </Stack>
                    </Popover.Dropdown>
                  </Popover>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
