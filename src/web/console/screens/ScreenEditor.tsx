// Renaming a screen, moving it to another module, or choosing the category an ERP link naming it
// opens on; the server's field messages under each field.
import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import type { CatalogScreen } from "../../../contracts/screens";
import { fieldError } from "../../api/api-error";
import { useCategories } from "../../api/kb";
import { useUpdateScreen } from "../../api/screens";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

export function ScreenEditor({ screen, onClose }: { screen: CatalogScreen; onClose: () => void }) {
  const { t } = useI18n();
  const update = useUpdateScreen();
  const [name, setName] = useState(screen.name);
  const [module, setModule] = useState(screen.module);
  const [categoryId, setCategoryId] = useState<string | null>(screen.categoryId);
  const categories = useCategories();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { code: screen.code, changes: { name, module, categoryId } },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("screens.saved", { code: screen.code }) });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("screens.editOf", { code: screen.code })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t("screens.editHint")}
          </Text>
          <TextInput
            label={t("screens.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(update.error, "name")}
            required
          />
          <TextInput
            label={t("screens.module")}
            value={module}
            onChange={(event) => setModule(event.currentTarget.value)}
            error={fieldError(update.error, "module")}
            required
          />
          <Select
            label={t("screens.erpCategory")}
            description={t("screens.erpCategoryHint")}
            data={(categories.data?.items ?? []).map((category) => ({
              value: category.id,
              label: category.name,
            }))}
            value={categoryId}
            onChange={setCategoryId}
            clearable
            error={fieldError(update.error, "categoryId")}
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("screens.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
