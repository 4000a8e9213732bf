// "E-mails": which optional e-mails one gets. Account e-mails (invitation, new password) always go.
import { Button, Group, Loader, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import type { EmailPreferences, EmailTopic } from "../../contracts/outbox";
import { useEmailPreferences, useSaveEmailPreferences } from "../api/outbox";
import { ErrorAlert } from "../components/ErrorAlert";
import { useI18n } from "../i18n/i18n";
import { useCurrentUser } from "../shell/current-user";

/** The topics that can reach this person at all. */
function topicsFor(role: string): EmailTopic[] {
  if (role === "customer") return ["ticket_updates"];
  if (role === "customer_admin") return ["ticket_updates", "estimates"];
  return ["ticket_activity", "sla_alerts"];
}

export function EmailPreferencesForm() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const stored = useEmailPreferences();
  const save = useSaveEmailPreferences();
  const [choices, setChoices] = useState<EmailPreferences | null>(null);
  useEffect(() => {
    if (stored.data && choices === null) setChoices(stored.data);
  }, [stored.data, choices]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!choices) return;
    save.mutate(choices, {
      onSuccess: () => notifications.show({ color: "teal", message: t("profile.emails.saved") }),
    });
  };

  return (
    <Paper withBorder radius="lg" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="h4">
            {t("profile.emails.title")}
          </Title>
          <Text fz="sm" c="dimmed">
            {t("profile.emails.intro")}
          </Text>
          <ErrorAlert error={stored.error ?? save.error} />
          {!choices && stored.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
          {choices &&
            topicsFor(me.role).map((topic) => (
              <Switch
                key={topic}
                label={t(`profile.emails.topic.${topic}`)}
                description={t(`profile.emails.topicHelp.${topic}`)}
                checked={choices[topic]}
                onChange={(event) => setChoices({ ...choices, [topic]: event.currentTarget.checked })}
              />
            ))}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!choices}>
              {t("profile.emails.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
