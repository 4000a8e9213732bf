// The categories, in order, as a list to choose from: order, name, active, published answers.
import { ActionIcon, Badge, Group, Paper, Select, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { StaffCategory } from "../../../contracts/kb";
import { useI18n } from "../../i18n/i18n";

interface CategoryListProps {
  categories: StaffCategory[];
  selectedId: string | null;
  canEdit: boolean;
  onSelect: (id: string) => void;
  onEdit: (category: StaffCategory) => void;
}

export function CategoryList({ categories, selectedId, canEdit, onSelect, onEdit }: CategoryListProps) {
  const { t } = useI18n();
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("kb.categories")}>
      {categories.map((category) => {
        const selected = category.id === selectedId;
        return (
          <Paper
            key={category.id}
            component="li"
            withBorder
            radius="md"
            p="xs"
            bg={selected ? "uno.0" : undefined}
            style={selected ? { borderColor: "var(--mantine-color-uno-4)" } : undefined}
          >
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <UnstyledButton
                onClick={() => onSelect(category.id)}
                aria-current={selected ? "true" : undefined}
                style={{ flex: 1, minWidth: 0 }}
              >
                <Group gap={6} wrap="nowrap">
                  <Text fz="xs" c="dimmed" w={20} ta="right">
                    {category.order}
                  </Text>
                  <Text fw={selected ? 600 : 500} fz="sm" truncate>
                    {category.name}
                  </Text>
                  {!category.active && (
                    <Badge size="xs" color="gray" variant="outline">
                      {t("kb.categoryInactive")}
                    </Badge>
                  )}
                </Group>
                <Text fz="xs" c="dimmed" ml={26}>
                  {t("kb.categoryCounts", {
                    published: category.publishedCount,
                    total: category.articleCount,
                  })}
                </Text>
              </UnstyledButton>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => onEdit(category)}
                  aria-label={t("kb.editCategory", { name: category.name })}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The same choice as a select (phones), with the chosen category's edit button beside it. */
export function CategoryPicker({
  categories,
  selected,
  canEdit,
  onSelect,
  onEdit,
}: Omit<CategoryListProps, "selectedId"> & { selected: StaffCategory | null }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={t("kb.editor.category")}
        data={categories.map((category) => ({
          value: category.id,
          label: `${category.order}. ${category.name}${category.active ? "" : ` (${t("kb.categoryInactive")})`}`,
        }))}
        value={selected?.id ?? null}
        onChange={(value) => value && onSelect(value)}
        allowDeselect={false}
        style={{ flex: 1 }}
      />
      {canEdit && selected && (
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onEdit(selected)}
          aria-label={t("kb.editCategory", { name: selected.name })}
        >
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}
