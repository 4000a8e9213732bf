// A ticket list with its status filter, one search box and "Carregar mais"; shared by the portal and the console.
import { Button, Center, Group, Loader, Paper, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useTicketList } from "../../api/tickets";
import { useI18n } from "../../i18n/i18n";
import { ErrorAlert } from "../ErrorAlert";
import { usePhoneLayout } from "../use-phone-layout";
import { StatusFilter } from "./StatusFilter";
import { TicketCards } from "./TicketCards";
import { TicketListTable, type TicketListTableProps } from "./TicketListTable";
import { useListFilters } from "./use-list-filters";

export function TicketList(props: Omit<TicketListTableProps, "tickets">) {
  const { t } = useI18n();
  const { filters, searchText, setSearchText, setStatus } = useListFilters();
  const list = useTicketList(filters);
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t("tickets.search")}
          placeholder={t("tickets.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          type="search"
          w={{ base: "100%", sm: 320 }}
        />
        <StatusFilter value={filters.status} onChange={setStatus} />
      </Group>
      <ErrorAlert error={list.error} />
      {/* A failed "Carregar mais" keeps the rows already shown. */}
      {(list.data || !list.isError) && (
        <Paper withBorder radius="lg" style={{ overflow: "hidden" }} aria-busy={list.isFetching}>
          <ListBody pending={list.isPending} tickets={tickets} {...props} />
        </Paper>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t("tickets.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ListBody({ pending, tickets, ...table }: TicketListTableProps & { pending: boolean }) {
  const { t } = useI18n();
  const phone = usePhoneLayout();
  if (pending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (tickets.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t("tickets.empty")}
      </Text>
    );
  return phone ? (
    <TicketCards tickets={tickets} {...table} />
  ) : (
    <TicketListTable tickets={tickets} {...table} />
  );
}
