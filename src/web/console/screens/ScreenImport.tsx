// Importing the catalog from a CSV file (code;name;module), as `extranet import-screens` does: every
// line is checked first and one bad line means nothing is imported; the refused lines are listed.
import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileTypeCsv, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { isApiError } from "../../api/api-error";
import { importProblems, useImportScreens } from "../../api/screens";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

export function ScreenImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportScreens();
  const problems = importProblems(importing.error);
  const refused = isApiError(importing.error) && importing.error.code === "screen.import_refused";

  const send = () => {
    if (!file) return;
    importing.mutate(file, {
      onSuccess: (result) => {
        notifications.show({
          color: "teal",
          message: t("screens.imported", {
            imported: result.imported,
            created: result.created,
            updated: result.updated,
          }),
        });
        setFile(null);
      },
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t("screens.importTitle")}>
      <Stack gap="sm">
        <Title order={2} fz="h5">
          {t("screens.importTitle")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("screens.importHint")}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label={t("screens.importFile")}
            placeholder={t("screens.importPlaceholder")}
            accept=".csv,text/csv,text/plain"
            leftSection={<IconFileTypeCsv size={16} />}
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              importing.reset();
            }}
            clearable
            style={{ flex: "1 1 240px" }}
          />
          <Button
            leftSection={<IconUpload size={16} />}
            onClick={send}
            disabled={!file}
            loading={importing.isPending}
          >
            {t("screens.importButton")}
          </Button>
        </Group>
        {refused ? (
          <Alert color="red" variant="light" title={importing.error?.message} role="alert">
            <List size="sm" spacing={2}>
              {problems.map((problem) => (
                <List.Item key={`${problem.line}-${problem.message}`}>{problem.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ErrorAlert error={importing.error} />
        )}
      </Stack>
    </Paper>
  );
}
