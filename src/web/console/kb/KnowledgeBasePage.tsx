// "Categorias e perguntas": the knowledge base the team writes (supervisors and admins) and reads
// (agents) — categories and their articles with their measures — and "Buscas sem resposta".
// The tab and the chosen category live in the address, so the page can be shared and reloaded.
import { Button, Center, Grid, Group, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import type { StaffArticle, StaffCategory } from "../../../contracts/kb";
import { useStaffCategories } from "../../api/kb-editor";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { usePhoneLayout } from "../../components/use-phone-layout";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { ArticleEditor } from "./ArticleEditor";
import { ArticleList } from "./ArticleList";
import { CategoryEditor } from "./CategoryEditor";
import { CategoryList, CategoryPicker } from "./CategoryList";
import { UnansweredSearches } from "./UnansweredSearches";

type Tab = "articles" | "unanswered";
/** What the editor modal shows: nothing, a category (null = new) or an article (null = new). */
type Editing =
  | { kind: "none" }
  | { kind: "category"; category: StaffCategory | null }
  | { kind: "article"; article: StaffArticle | null };

export function KnowledgeBasePage() {
  const { t } = useI18n();
  usePageTitle(t("nav.kb"));
  const canEdit = useCurrentUser().abilities.manageKnowledgeBase;
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: Tab = searchParams.get("tab") === "unanswered" ? "unanswered" : "articles";
  const setParam = (name: string, value: string | null) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    });

  return (
    <Stack gap="lg" maw={1280}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.kb")}
        </Title>
        <Text c="dimmed">{t("kb.intro")}</Text>
      </Stack>
      <Tabs value={tab} onChange={(value) => setParam("tab", value === "unanswered" ? "unanswered" : null)}>
        <Tabs.List>
          <Tabs.Tab value="articles">{t("kb.tab.articles")}</Tabs.Tab>
          <Tabs.Tab value="unanswered">{t("kb.tab.unanswered")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="articles" pt="md">
          {tab === "articles" && (
            <ArticlesTab
              canEdit={canEdit}
              selectedId={searchParams.get("category")}
              onSelect={(id) => setParam("category", id)}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="unanswered" pt="md">
          {tab === "unanswered" && <UnansweredSearches />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ArticlesTab({
  canEdit,
  selectedId,
  onSelect,
}: {
  canEdit: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const categories = useStaffCategories();
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const items = categories.data?.items ?? [];
  const selected = items.find((category) => category.id === selectedId) ?? items[0] ?? null;
  const close = () => setEditing({ kind: "none" });
  // On a phone the list of categories would push the answers a screen down: a picker instead.
  const phone = usePhoneLayout();

  if (categories.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t("app.loading")} />
      </Center>
    );

  return (
    <>
      <ErrorAlert error={categories.error} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="h4">
                {t("kb.categories")}
              </Title>
              {canEdit && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setEditing({ kind: "category", category: null })}
                >
                  {t("kb.newCategory")}
                </Button>
              )}
            </Group>
            {items.length === 0 ? (
              <Text c="dimmed" fz="sm">
                {t("kb.categoriesEmpty")}
              </Text>
            ) : phone ? (
              <CategoryPicker
                categories={items}
                selected={selected}
                canEdit={canEdit}
                onSelect={onSelect}
                onEdit={(category) => setEditing({ kind: "category", category })}
              />
            ) : (
              <CategoryList
                categories={items}
                selectedId={selected?.id ?? null}
                canEdit={canEdit}
                onSelect={onSelect}
                onEdit={(category) => setEditing({ kind: "category", category })}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected ? (
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={0}>
                  <Title order={2} fz="h4">
                    {selected.name}
                  </Title>
                  {selected.description && (
                    <Text fz="sm" c="dimmed">
                      {selected.description}
                    </Text>
                  )}
                </Stack>
                {canEdit && (
                  <Button
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setEditing({ kind: "article", article: null })}
                  >
                    {t("kb.newArticle")}
                  </Button>
                )}
              </Group>
              <ArticleList
                key={selected.id}
                categoryId={selected.id}
                onOpen={(article) => setEditing({ kind: "article", article })}
              />
            </Stack>
          ) : (
            <Text c="dimmed" fz="sm">
              {t("kb.chooseCategory")}
            </Text>
          )}
        </Grid.Col>
      </Grid>
      {editing.kind === "category" && (
        <CategoryEditor
          category={editing.category}
          onClose={close}
          onSaved={(category) => {
            onSelect(category.id);
            close();
          }}
        />
      )}
      {editing.kind === "article" && selected && (
        <ArticleEditor
          article={editing.article}
          categoryId={selected.id}
          categories={items}
          canEdit={canEdit}
          onClose={close}
        />
      )}
    </>
  );
}
