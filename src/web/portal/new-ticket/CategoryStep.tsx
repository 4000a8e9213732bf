// Step 1, "Categoria": one card per category with its description and how many answers it holds.
import { Center, Loader, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from "@mantine/core";
import { IconChevronRight, IconFolderQuestion } from "@tabler/icons-react";
import type { Category } from "../../../contracts/kb";
import { useCategories } from "../../api/kb";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

export function CategoryStep({ onPick }: { onPick: (category: Category) => void }) {
  const { t } = useI18n();
  const categories = useCategories();
  if (categories.isError) return <ErrorAlert error={categories.error} />;
  if (!categories.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (categories.data.items.length === 0) return <Text c="dimmed">{t("newTicket.noCategories")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {categories.data.items.map((category) => (
        <CategoryCard key={category.id} category={category} onPick={() => onPick(category)} />
      ))}
    </SimpleGrid>
  );
}

function CategoryCard({ category, onPick }: { category: Category; onPick: () => void }) {
  const { t } = useI18n();
  return (
    <UnstyledButton
      onClick={onPick}
      p="lg"
      bg="white"
      style={{
        border: "1px solid var(--mantine-color-gray-3)",
        borderRadius: "var(--mantine-radius-lg)",
        display: "flex",
        gap: "var(--mantine-spacing-md)",
        alignItems: "flex-start",
        height: "100%",
      }}
    >
      <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
        <IconFolderQuestion size={22} stroke={1.6} />
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1 }}>
        <Text fw={650}>{category.name}</Text>
        <Text fz="sm" c="dimmed">
          {category.description}
        </Text>
        <Text fz="xs" c="uno.7" fw={600} mt={4}>
          {t("newTicket.articleCount", { count: category.articleCount })}
        </Text>
      </Stack>
      <IconChevronRight
        size={18}
        color="var(--mantine-color-gray-5)"
        aria-hidden
        style={{ alignSelf: "center" }}
      />
    </UnstyledButton>
  );
}
