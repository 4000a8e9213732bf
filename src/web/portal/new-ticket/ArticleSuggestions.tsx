// "Respostas que podem ajudar": answers from every category matching the subject, as it is typed.
import { Accordion, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { Article } from "../../../contracts/kb";
import { MIN_SUGGESTION_QUERY, useArticleSuggestions } from "../../api/kb";
import { useI18n } from "../../i18n/i18n";
import { ArticleItem } from "./ArticleItem";

const SUBJECT_DEBOUNCE_MS = 400;

export function ArticleSuggestions({
  subject,
  onSolved,
}: {
  subject: string;
  onSolved: (article: Article) => void;
}) {
  const { t } = useI18n();
  const [q] = useDebouncedValue(subject.trim(), SUBJECT_DEBOUNCE_MS);
  const suggestions = useArticleSuggestions(q);
  const items = suggestions.data?.items ?? [];
  const searching = q.length >= MIN_SUGGESTION_QUERY;

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="suggestions-title">
      <Stack gap="sm">
        <Title
          order={2}
          fz="h5"
          id="suggestions-title"
          style={{ display: "flex", alignItems: "center", gap: 8 }}
        >
          {t("newTicket.suggestionsTitle")}
          {suggestions.isFetching && <Loader size={14} />}
        </Title>
        {!searching && (
          <Text fz="sm" c="dimmed">
            {t("newTicket.suggestionsHint")}
          </Text>
        )}
        {searching && suggestions.isSuccess && items.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t("newTicket.suggestionsEmpty")}
          </Text>
        )}
        {searching && items.length > 0 && (
          <Accordion variant="contained" radius="md" multiple>
            {items.map((article) => (
              <ArticleItem key={article.id} article={article} onSolved={onSolved} showCategory />
            ))}
          </Accordion>
        )}
      </Stack>
    </Paper>
  );
}
