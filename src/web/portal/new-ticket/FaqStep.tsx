// Step 2, "Perguntas e respostas": the category's answers in order, a search box, and at the end the way to the form.
import { Accordion, Button, Center, Loader, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconArrowRight, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { Article, Category } from "../../../contracts/kb";
import { useCategoryArticles } from "../../api/kb";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { ArticleItem } from "./ArticleItem";

const SEARCH_DEBOUNCE_MS = 300;

interface FaqStepProps {
  category: Category;
  onSolved: (article: Article) => void;
  onNotFound: () => void;
}

export function FaqStep({ category, onSolved, onNotFound }: FaqStepProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const articles = useCategoryArticles(category.id, q);
  const items = articles.data?.items ?? [];

  return (
    <Stack gap="md" maw={880}>
      <Text c="dimmed">{t("newTicket.faqIntro")}</Text>
      <TextInput
        label={t("newTicket.faqSearch")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        type="search"
      />
      <ErrorAlert error={articles.error} />
      {articles.isPending ? (
        <Center py="lg">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t("newTicket.faqEmpty")}</Text>
      ) : (
        <Accordion variant="separated" radius="md" multiple aria-busy={articles.isFetching}>
          {items.map((article) => (
            <ArticleItem key={article.id} article={article} onSolved={onSolved} />
          ))}
        </Accordion>
      )}
      <Paper radius="lg" p="lg" bg="uno.0" mt="sm">
        <Center>
          <Button
            variant="subtle"
            size="md"
            rightSection={<IconArrowRight size={18} aria-hidden />}
            onClick={onNotFound}
          >
            {t("newTicket.notFound")}
          </Button>
        </Center>
      </Paper>
    </Stack>
  );
}
