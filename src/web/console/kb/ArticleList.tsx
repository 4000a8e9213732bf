// A category's articles for the team: search and state filter, each with its state, order, last
// editor and date, and its measures (views, "Isso resolveu", share of readers without a ticket
// afterwards); "carregar mais" pages on.
import {
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { ArticleState, StaffArticle } from "../../../contracts/kb";
import { useStaffArticles } from "../../api/kb-editor";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { deflectionText } from "./kb-format";
import { StateBadge } from "./StateBadge";

const SEARCH_DEBOUNCE_MS = 300;
const ALL = "all";

export function ArticleList({
  categoryId,
  onOpen,
}: {
  categoryId: string;
  onOpen: (article: StaffArticle) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [state, setState] = useState<ArticleState | typeof ALL>(ALL);
  const articles = useStaffArticles({ categoryId, state: state === ALL ? null : state, q }, true);
  const items = articles.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("kb.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          style={{ flex: "1 1 220px" }}
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="kb-state-filter">
            {t("kb.stateFilter")}
          </Text>
          <SegmentedControl
            aria-labelledby="kb-state-filter"
            size="xs"
            value={state}
            onChange={(value) => setState(value as ArticleState | typeof ALL)}
            data={[ALL, "draft", "published", "archived"].map((value) => ({
              value,
              label: value === ALL ? t("kb.state.all") : t(`kb.state.${value as ArticleState}`),
            }))}
          />
        </Stack>
      </Group>
      <ErrorAlert error={articles.error} />
      {articles.isPending ? (
        <Center py="lg">
          <Loader aria-label={t("app.loading")} />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" fz="sm" py="md">
          {t("kb.articlesEmpty")}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-busy={articles.isFetching}
        >
          {items.map((article) => (
            <ArticleRow key={article.id} article={article} onOpen={() => onOpen(article)} />
          ))}
        </Stack>
      )}
      {articles.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => articles.fetchNextPage()}
            loading={articles.isFetchingNextPage}
          >
            {t("kb.loadMore")}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

function ArticleRow({ article, onOpen }: { article: StaffArticle; onOpen: () => void }) {
  const { t, formatDateTime } = useI18n();
  const date = formatDateTime(article.updatedAt);
  const deflection = deflectionText(article.measures);
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="kb-article">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text fz="xs" c="dimmed" mt={2} style={{ whiteSpace: "nowrap" }}>
            {t("kb.order", { order: article.order })}
          </Text>
          <UnstyledButton onClick={onOpen} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} fz="sm" c="uno.8">
              {article.question}
            </Text>
          </UnstyledButton>
          <StateBadge state={article.state} />
        </Group>
        <Text fz="xs" c="dimmed">
          {article.updatedBy
            ? t("kb.editedBy", { name: article.updatedBy.name, date })
            : t("kb.updatedAt", { date })}
        </Text>
        <Group gap="lg" wrap="wrap">
          <Measure label={t("kb.measure.views")} value={String(article.measures.views)} />
          <Measure label={t("kb.measure.helpful")} value={String(article.measures.helpful)} />
          <Tooltip
            label={t("kb.measure.deflectionHint", {
              readers: article.measures.readers,
              opened: article.measures.readersWhoOpenedTicket,
            })}
            multiline
            w={260}
          >
            <span>
              <Measure label={t("kb.measure.deflection")} value={deflection ?? t("kb.measure.noReaders")} />
            </span>
          </Tooltip>
        </Group>
      </Stack>
    </Paper>
  );
}

function Measure({ label, value }: { label: string; value: string }) {
  return (
    <Text fz="xs" c="dimmed" span>
      {label}:{" "}
      <Text span fz="xs" fw={600} c="dark">
        {value}
      </Text>
    </Text>
  );
}
