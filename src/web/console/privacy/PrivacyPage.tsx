// A person's data under the LGPD (admins): who they are and how much data they have, the export
// (a zip downloaded by the browser) and anonymizing them, confirmed by typing a word. The users page
// links here (/console/people/:userId/privacy); so does "Auditoria" for entries about a user.
import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconUserOff } from "@tabler/icons-react";
import { useState } from "react";
import { useParams } from "react-router";
import { personExportUrl, useAnonymizePerson, usePersonPrivacy } from "../../api/audit";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { NotFoundPage } from "../../shell/NotFoundPage";

export function PrivacyPage() {
  const { abilities } = useCurrentUser();
  const { userId } = useParams();
  if (!abilities.managePersonalData || !userId) return <NotFoundPage />;
  return <PersonPrivacyPanel userId={userId} />;
}

function PersonPrivacyPanel({ userId }: { userId: string }) {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t("privacy.title"));
  const person = usePersonPrivacy(userId);
  const anonymize = useAnonymizePerson(userId);
  const [confirmation, setConfirmation] = useState("");
  const data = person.data;

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("privacy.title")}
        </Title>
        <Text c="dimmed">{t("privacy.intro")}</Text>
      </Stack>
      {person.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={person.error} />
      {data && (
        <>
          <Paper withBorder radius="md" p="md">
            <Stack gap={4}>
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                {t("privacy.person")}
              </Text>
              <Text fw={700} fz="lg" data-testid="privacy-name">
                {data.name}
              </Text>
              <Text fz="sm" style={{ overflowWrap: "anywhere" }}>
                {data.email}
              </Text>
              <Text fz="sm" c="dimmed">
                {data.companyName ?? t("privacy.staff")}
              </Text>
              <Text fz="sm">
                {t("privacy.counts", {
                  tickets: data.ticketsOpened,
                  messages: data.messages,
                  attachments: data.attachments,
                })}
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Text fz="sm">{t("privacy.export.help")}</Text>
              <Group>
                <Button
                  component="a"
                  href={personExportUrl(userId)}
                  download
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                >
                  {t("privacy.export")}
                </Button>
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            {data.anonymizedAt ? (
              <Alert color="gray" variant="light" data-testid="privacy-anonymized">
                {t("privacy.anonymized", { date: formatDateTime(data.anonymizedAt) })}
              </Alert>
            ) : (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  anonymize.mutate(undefined, {
                    onSuccess: () => notifications.show({ color: "teal", message: t("privacy.done") }),
                  });
                }}
              >
                <Stack gap="sm">
                  <Text fz="sm">{t("privacy.anonymize.help")}</Text>
                  <TextInput
                    label={t("privacy.anonymize.confirm")}
                    value={confirmation}
                    onChange={(event) => setConfirmation(event.currentTarget.value)}
                    autoComplete="off"
                    maw={320}
                  />
                  <ErrorAlert error={anonymize.error} />
                  <Group>
                    <Button
                      type="submit"
                      color="red"
                      leftSection={<IconUserOff size={16} />}
                      disabled={confirmation.trim().toUpperCase() !== t("privacy.anonymize.word")}
                      loading={anonymize.isPending}
                    >
                      {t("privacy.anonymize")}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
