// A category's form (name, description, order, active), new or changed, with the API's field errors.
import { Button, Group, Modal, NumberInput, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import type { StaffCategory } from "../../../contracts/kb";
import { fieldError } from "../../api/api-error";
import { useSaveCategory } from "../../api/kb-editor";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { unlessFieldError } from "./kb-format";

/** `category` null: a new one. Closing is the caller's. */
export function CategoryEditor({
  category,
  onClose,
  onSaved,
}: {
  category: StaffCategory | null;
  onClose: () => void;
  onSaved: (category: StaffCategory) => void;
}) {
  const { t } = useI18n();
  const save = useSaveCategory(category?.id ?? null);
  const [name, setName] = useState(category?.name ?? "");
  const [description, setDescription] = useState(category?.description ?? "");
  const [order, setOrder] = useState<number | "">(category?.order ?? "");
  const [active, setActive] = useState(category?.active ?? true);
  const error = save.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        name,
        description,
        active,
        ...(order !== "" && { order }),
        ...(category && { updatedAt: category.updatedAt }),
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "teal", message: t("kb.categoryForm.saved") });
          onSaved(saved);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={category ? t("kb.categoryForm.titleEdit") : t("kb.categoryForm.titleNew")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t("kb.categoryForm.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(error, "name")}
            required
            data-autofocus
          />
          <Textarea
            label={t("kb.categoryForm.description")}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldError(error, "description")}
            autosize
            minRows={2}
          />
          <NumberInput
            label={t("kb.categoryForm.order")}
            description={t("kb.categoryForm.orderHint")}
            value={order}
            onChange={(value) => setOrder(typeof value === "number" ? value : "")}
            min={1}
            allowDecimal={false}
            maw={200}
            error={fieldError(error, "order")}
          />
          <Switch
            label={t("kb.categoryForm.active")}
            description={t("kb.categoryForm.activeHint")}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
          <ErrorAlert error={unlessFieldError(error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("kb.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("kb.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
