// A plan's deadlines per priority: first response, next response and resolution, in words.
import { Table } from "@mantine/core";
import type { Plan } from "../../contracts/sla";
import { useI18n } from "../i18n/i18n";
import { formatTarget } from "./format-sla";

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;

export function TargetsTable({ targets }: { targets: Plan["targets"] }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("policy.priority")}</Table.Th>
            <Table.Th>{t("policy.firstResponse")}</Table.Th>
            <Table.Th>{t("policy.nextResponse")}</Table.Th>
            <Table.Th>{t("policy.resolution")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITIES.map((priority) => (
            <Table.Tr key={priority}>
              <Table.Th scope="row" fw={600}>
                {t(`ticket.priority.${priority}`)}
              </Table.Th>
              <Table.Td>{formatTarget(targets[priority], "first", t)}</Table.Td>
              <Table.Td>{formatTarget(targets[priority], "next", t)}</Table.Td>
              <Table.Td>{formatTarget(targets[priority], "resolution", t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
