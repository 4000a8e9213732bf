// "Buscas sem resposta": what customers searched for in the FAQ and the new-ticket form and found
// nothing, most frequent first, over a period of São Paulo days kept in the address.
import { Button, Center, Group, Loader, Stack, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { fieldError } from "../../api/api-error";
import { useUnansweredSearches } from "../../api/kb-editor";
import { DateField } from "../../components/DateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { defaultPeriod, isIsoDate, unlessFieldError } from "./kb-format";

export function UnansweredSearches() {
  const { t, formatDateTime } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const period = useMemo(() => defaultPeriod(new Date()), []);
  const askedFrom = searchParams.get("from");
  const askedTo = searchParams.get("to");
  const from = isIsoDate(askedFrom) ? askedFrom : period.from;
  const to = isIsoDate(askedTo) ? askedTo : period.to;
  const choose = (name: "from" | "to", value: string) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (isIsoDate(value)) next.set(name, value);
      return next;
    });
  const searches = useUnansweredSearches(from, to);
  const items = searches.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Text c="dimmed" fz="sm">
        {t("kb.unanswered.intro")}
      </Text>
      <Group gap="sm" align="flex-start">
        <DateField label={t("kb.unanswered.from")} value={from} onChange={(value) => choose("from", value)} />
        <DateField
          label={t("kb.unanswered.to")}
          value={to}
          onChange={(value) => choose("to", value)}
          error={fieldError(searches.error, "to")}
        />
      </Group>
      <ErrorAlert error={unlessFieldError(searches.error)} />
      {searches.isPending ? (
        <Center py="lg">
          <Loader aria-label={t("app.loading")} />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t("kb.unanswered.empty")}
        </Text>
      ) : (
        <Table striped withTableBorder fz="sm" aria-label={t("kb.tab.unanswered")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("kb.unanswered.query")}</Table.Th>
              <Table.Th ta="right">{t("kb.unanswered.count")}</Table.Th>
              <Table.Th>{t("kb.unanswered.last")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.query}>
                <Table.Td style={{ wordBreak: "break-word" }}>{item.query}</Table.Td>
                <Table.Td ta="right">{item.count}</Table.Td>
                <Table.Td>{formatDateTime(item.lastSearchedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {searches.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => searches.fetchNextPage()}
            loading={searches.isFetchingNextPage}
          >
            {t("kb.loadMore")}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
