// "Como este prazo foi calculado": a toggle that fetches the explanation and lists its lines (and, for staff, its spans).
import { Button, Collapse, List, Loader, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { useId, useState } from "react";
import type { z } from "zod";
import type { DeadlineSegment } from "../../../contracts/sla";
import { useDeadlineExplanation } from "../../api/deadlines";
import type { SlaMetric } from "../../api/query-keys";
import { useI18n } from "../../i18n/i18n";
import { ErrorAlert } from "../ErrorAlert";

type Segment = z.infer<typeof DeadlineSegment>;

interface DeadlineExplanationToggleProps {
  ticketNumber: number;
  metric: SlaMetric;
}

export function DeadlineExplanationToggle({ ticketNumber, metric }: DeadlineExplanationToggleProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const explanation = useDeadlineExplanation(ticketNumber, metric, opened);
  const Icon = opened ? IconChevronDown : IconChevronRight;
  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        size="compact-xs"
        px={0}
        justify="flex-start"
        leftSection={<Icon size={14} />}
        aria-expanded={opened}
        aria-controls={panelId}
        onClick={() => setOpened((value) => !value)}
        style={{ alignSelf: "flex-start" }}
      >
        {t("ticket.sla.howCalculated")}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        {explanation.isPending ? (
          opened && <Loader size="xs" />
        ) : (
          <Stack gap="xs">
            <ErrorAlert error={explanation.error} />
            {explanation.data && <ExplanationLines lines={explanation.data.lines} />}
            {explanation.data && explanation.data.segments.length > 0 && (
              <SegmentTable segments={explanation.data.segments} />
            )}
          </Stack>
        )}
      </Collapse>
    </Stack>
  );
}

function ExplanationLines({ lines }: { lines: string[] }) {
  const { t } = useI18n();
  if (lines.length === 0)
    return (
      <Text fz="xs" c="dimmed">
        {t("ticket.sla.noLines")}
      </Text>
    );
  return (
    <List size="xs" spacing={2}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat (two equal nights); their order is their identity
        <List.Item key={index}>{line}</List.Item>
      ))}
    </List>
  );
}

/** Staff only (customers receive no spans): kind, from–to, minutes and the holiday's name. */
function SegmentTable({ segments }: { segments: Segment[] }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={240}>
      <Table fz="xs" verticalSpacing={2} horizontalSpacing={4} striped>
        <Table.Caption>{t("ticket.sla.segments")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("ticket.sla.column.kind")}</Table.Th>
            <Table.Th>{t("ticket.sla.column.span")}</Table.Th>
            <Table.Th ta="right">{t("ticket.sla.column.minutes")}</Table.Th>
            <Table.Th>{t("ticket.sla.column.holiday")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((segment) => (
            <SegmentRow key={`${segment.from}-${segment.kind}`} segment={segment} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SegmentRow({ segment }: { segment: Segment }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table.Tr>
      <Table.Td>{t(`ticket.sla.segmentKind.${segment.kind}`)}</Table.Td>
      <Table.Td>{spanText(formatDateTime(segment.from), formatDateTime(segment.to))}</Table.Td>
      <Table.Td ta="right">{segment.minutes}</Table.Td>
      <Table.Td>{segment.holidayName ?? ""}</Table.Td>
    </Table.Tr>
  );
}

/** "22/04/2026 08:00–12:00": the end's date is left out when it is the start's. */
function spanText(from: string, to: string): string {
  const [fromDate] = from.split(" ");
  const [toDate, ...toTime] = to.split(" ");
  return fromDate === toDate ? `${from}–${toTime.join(" ")}` : `${from}–${to}`;
}
