// Archive or bring back a plan or calendar. Refusals (in use) come from the server, naming who uses it.
import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconArchiveOff } from "@tabler/icons-react";
import { useArchive } from "../../api/sla";
import { useI18n } from "../../i18n/i18n";

export function ArchiveButton({
  kind,
  id,
  name,
  archived,
}: {
  kind: "plan" | "calendar";
  id: string;
  name: string;
  archived: boolean;
}) {
  const { t } = useI18n();
  const archive = useArchive(kind);
  const label = archived ? t("archive.restore", { name }) : t("archive.archive", { name });
  return (
    <Button
      variant="subtle"
      size="xs"
      color={archived ? "teal" : "gray"}
      leftSection={archived ? <IconArchiveOff size={14} /> : <IconArchive size={14} />}
      loading={archive.isPending}
      aria-label={label}
      onClick={() =>
        archive.mutate(
          { id, archived: !archived },
          {
            onSuccess: () =>
              notifications.show({
                color: "teal",
                message: archived ? t("archive.restored", { name }) : t("archive.archived", { name }),
              }),
            onError: (error) =>
              notifications.show({ color: "red", autoClose: 12_000, title: name, message: error.message }),
          },
        )
      }
    >
      {archived ? t("archive.restoreShort") : t("archive.archiveShort")}
    </Button>
  );
}
