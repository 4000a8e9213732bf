// "Tempo registrado": a month of time entries — one's own (agents), or anyone's or the whole team's
// (supervisors and admins) — with the month's totals and the entries, newest work day first.
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { TimeTotals } from "../../../contracts/billing";
import { useStaff } from "../../api/console-work";
import { useLoggedTime } from "../../api/time-entries";
import { formatHours, isoDateToText } from "../../components/billing/hours";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { formatDuration } from "../../policy/format-sla";
import { useCurrentUser } from "../../shell/current-user";
import { currentMonth, formatMonth, isMonth, recentMonths } from "../compliance/compliance-report";
import { EVERYONE, monthRange, userIdFor } from "./logged-time";

const MONTHS_OFFERED = 24;

export function LoggedTimePage() {
  const { t, locale } = useI18n();
  usePageTitle(t("nav.time"));
  const me = useCurrentUser();
  const choosing = me.abilities.readTeamTime;
  const [searchParams, setSearchParams] = useSearchParams();
  const thisMonth = useMemo(() => currentMonth(new Date()), []);
  const askedMonth = searchParams.get("month");
  const month = isMonth(askedMonth) ? askedMonth : thisMonth;
  const person = searchParams.get("user") ?? EVERYONE;
  /** Both choices live in the address (?month=2026-04&user=…), so that the page can be shared and reloaded. */
  const choose = (nextMonth: string, nextPerson: string) =>
    setSearchParams({
      month: nextMonth,
      ...(choosing && nextPerson !== EVERYONE ? { user: nextPerson } : {}),
    });

  const { from, to } = monthRange(month);
  const time = useLoggedTime(userIdFor(person, choosing, me.id), from, to);
  const staff = useStaff();
  const months = recentMonths(thisMonth, MONTHS_OFFERED);
  if (!months.includes(month)) months.push(month);

  const people = choosing
    ? [
        { value: EVERYONE, label: t("time.everyone") },
        ...(staff.data?.items ?? []).map((member) => ({ value: member.id, label: member.name })),
      ]
    : [{ value: me.id, label: me.name }];
  const entries = time.data?.pages.flatMap((page) => page.items) ?? [];
  const totals = time.data?.pages[0]?.totals;

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.time")}
        </Title>
        <Text c="dimmed">{t("time.intro")}</Text>
      </Stack>
      <Group gap="md" align="flex-end">
        <Select
          label={t("time.person")}
          data={people}
          value={choosing ? person : me.id}
          onChange={(value) => {
            if (value) choose(month, value);
          }}
          disabled={!choosing}
          allowDeselect={false}
          searchable={choosing}
          maw={280}
        />
        <Select
          label={t("time.month")}
          data={months.map((value) => ({ value, label: formatMonth(value, locale) }))}
          value={month}
          onChange={(value) => {
            if (value) choose(value, person);
          }}
          allowDeselect={false}
          maw={260}
        />
      </Group>
      {time.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={time.error} />
      {totals && <Totals totals={totals} />}
      {time.data && entries.length === 0 && (
        <Text c="dimmed" fz="sm">
          {t("time.empty")}
        </Text>
      )}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder fz="sm" aria-label={t("nav.time")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("time.date")}</Table.Th>
                <Table.Th>{t("time.person")}</Table.Th>
                <Table.Th>{t("time.ticket")}</Table.Th>
                <Table.Th ta="right">{t("time.duration")}</Table.Th>
                <Table.Th />
                <Table.Th>{t("time.note")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{isoDateToText(entry.workDate)}</Table.Td>
                  <Table.Td>{entry.user.name}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/tickets/${entry.ticketNumber}`} fz="sm">
                      #{entry.ticketNumber}
                    </Anchor>{" "}
                    <Text span fz="sm">
                      {entry.ticketSubject}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {entry.companyName}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatDuration(entry.minutes, t)}
                  </Table.Td>
                  {/* Wide enough for the badge: the note column would squeeze it into "FATURÁ…". */}
                  <Table.Td style={{ minWidth: 110 }}>
                    {entry.billable && (
                      <Badge size="sm" color="teal" variant="light">
                        {t("time.billableBadge")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{entry.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {time.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => void time.fetchNextPage()}
            loading={time.isFetchingNextPage}
          >
            {t("time.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Totals({ totals }: { totals: TimeTotals }) {
  const { t, locale } = useI18n();
  const figures = [
    { label: t("time.total"), minutes: totals.minutes, testId: "time-total" },
    { label: t("time.billable"), minutes: totals.billableMinutes, testId: "time-billable" },
    { label: t("time.nonBillable"), minutes: totals.nonBillableMinutes, testId: "time-non-billable" },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} maw={720}>
      {figures.map((figure) => (
        <Paper key={figure.testId} withBorder radius="md" p="md" data-testid={figure.testId}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            {figure.label}
          </Text>
          <Text fz="xl" fw={700}>
            {formatHours(figure.minutes, locale)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
