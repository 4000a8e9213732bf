// "Fila": the support team's working day. Views with live counts (não atribuídas, minhas, abertas,
// aguardando cliente, vence em breve / violado, finalizadas), filters and sort kept in the address,
// deadlines as "vence em 2 h", saved views, keyboard shortcuts, and live updates without reloading.
import { ActionIcon, Button, Center, Group, Loader, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useInterval } from "@mantine/hooks";
import { IconKeyboard } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { QueueView } from "../../../contracts/queue";
import { useQueue, useQueueCounts } from "../../api/console-queue";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useShortcutHelp, useShortcuts } from "../shortcuts/shortcuts";
import { LiveIndicator } from "./LiveIndicator";
import { QueueFilterBar } from "./QueueFilterBar";
import { QueueTable } from "./QueueTable";
import { QueueViewTabs } from "./QueueViewTabs";
import { searchFromFilters, withoutBarFilters } from "./queue-params";
import { SavedViewsMenu } from "./SavedViewsMenu";
import { useQueueFilters } from "./use-queue-filters";

const consoleTicketPath = (number: number) => `/console/tickets/${number}`;
/** "vence em 2 h" is re-read against the clock this often. */
const CLOCK_TICK_MS = 30_000;

export function QueuePage() {
  const { t } = useI18n();
  usePageTitle(t("nav.queue"));
  const navigate = useNavigate();
  const openHelp = useShortcutHelp();
  const { filters, setFilters, setFilter, searchText, setSearchText } = useQueueFilters();
  const queue = useQueue(filters);
  const counts = useQueueCounts(filters);
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const searchRef = useRef<HTMLInputElement>(null);

  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), CLOCK_TICK_MS, { autoInvoke: true });

  // The keyboard's row: back to the first whenever the question changes, kept within the list.
  const [selected, setSelected] = useState(0);
  const question = searchFromFilters(filters).toString();
  const [askedFor, setAskedFor] = useState(question);
  if (askedFor !== question) {
    setAskedFor(question);
    setSelected(0);
  }
  const current = Math.min(selected, Math.max(0, items.length - 1));
  const scrollToSelected = useRef(false);
  useEffect(() => {
    if (!scrollToSelected.current) return;
    scrollToSelected.current = false;
    document.querySelector(`[data-queue-row="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const move = (step: number) => {
    if (items.length === 0) return;
    const next = current + step;
    if (next >= items.length && queue.hasNextPage && !queue.isFetchingNextPage) void queue.fetchNextPage();
    scrollToSelected.current = true;
    setSelected(Math.max(0, Math.min(items.length - 1, next)));
  };
  const openSelected = () => {
    const item = items[current];
    if (item) void navigate(consoleTicketPath(item.number));
  };

  useShortcuts(t("queue.shortcuts.group"), [
    { keys: ["j", "arrowdown"], description: t("queue.shortcuts.next"), run: () => move(1) },
    { keys: ["k", "arrowup"], description: t("queue.shortcuts.previous"), run: () => move(-1) },
    { keys: ["enter", "o"], description: t("queue.shortcuts.open"), run: openSelected },
    { keys: ["/"], description: t("queue.shortcuts.search"), run: () => searchRef.current?.focus() },
    ...QueueView.options.map((view, index) => ({
      keys: [String(index + 1)],
      description: t("queue.shortcuts.view", { view: t(`queue.view.${view}`) }),
      run: () => setFilter("view", view),
    })),
  ]);

  return (
    <Stack gap="sm" maw={1500}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="sm" align="center">
            <Title order={1} fz="h3">
              {t("nav.queue")}
            </Title>
            <LiveIndicator />
          </Group>
          <Text c="dimmed" fz="sm">
            {t("console.home.intro")}
          </Text>
        </Stack>
        <Group gap="xs">
          <SavedViewsMenu filters={filters} onApply={setFilters} />
          <Tooltip label={t("shortcuts.button")} withArrow>
            <ActionIcon variant="default" size="md" onClick={openHelp} aria-label={t("shortcuts.title")}>
              <IconKeyboard size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      <QueueViewTabs view={filters.view} counts={counts.data} onChange={(view) => setFilter("view", view)} />
      <QueueFilterBar
        filters={filters}
        searchText={searchText}
        onSearchText={setSearchText}
        searchRef={searchRef}
        setFilter={setFilter}
        onClear={() => setFilters(withoutBarFilters(filters))}
      />

      <ErrorAlert error={queue.error ?? counts.error} />
      {/* A failed "Carregar mais" keeps the rows already shown. */}
      {(queue.data || !queue.isError) && (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }} aria-busy={queue.isFetching}>
          {queue.isPending ? (
            <Center py="xl">
              <Loader />
            </Center>
          ) : items.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {t("tickets.empty")}
            </Text>
          ) : (
            <QueueTable
              items={items}
              selected={current}
              now={now}
              onSelect={setSelected}
              ticketPath={consoleTicketPath}
            />
          )}
        </Paper>
      )}
      {queue.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void queue.fetchNextPage()}
            loading={queue.isFetchingNextPage}
          >
            {t("tickets.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
