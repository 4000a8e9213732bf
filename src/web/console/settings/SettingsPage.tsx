// "Configurações": what an admin changes without a restart — the reopen window, the deadline warning,
// company admins' invitations, the support contact and attachment retention. Saved as a whole,
// checked by the server (its field messages shown under each field), audited.
import {
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import type { Settings } from "../../../contracts/settings";
import { fieldError } from "../../api/api-error";
import { useSaveSettings, useSettings } from "../../api/audit";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { NotFoundPage } from "../../shell/NotFoundPage";

/** The share as the form shows it: a whole percentage. */
const percentOf = (share: number) => Math.round(share * 100);

export function SettingsPage() {
  const { t } = useI18n();
  usePageTitle(t("nav.settings"));
  const { abilities } = useCurrentUser();
  const stored = useSettings(abilities.manageSettings);
  if (!abilities.manageSettings) return <NotFoundPage />;
  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.settings")}
        </Title>
        <Text c="dimmed">{t("settings.intro")}</Text>
      </Stack>
      {stored.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={stored.error} />
      {stored.data && <SettingsForm initial={stored.data} />}
    </Stack>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useI18n();
  const save = useSaveSettings();
  const [form, setForm] = useState(initial);
  const [warningPercent, setWarningPercent] = useState<number | string>(percentOf(initial.slaWarningShare));
  useEffect(() => {
    setForm(initial);
    setWarningPercent(percentOf(initial.slaWarningShare));
  }, [initial]);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const number = (value: number | string) => (typeof value === "number" ? value : Number.NaN);
  const error = (field: keyof Settings) => fieldError(save.error, field);

  const submit = () =>
    save.mutate(
      { ...form, slaWarningShare: number(warningPercent) / 100 },
      { onSuccess: () => notifications.show({ color: "teal", message: t("settings.saved") }) },
    );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t("settings.tickets")}
            </Title>
            <NumberInput
              label={t("settings.reopenWindowDays")}
              description={t("settings.reopenWindowDays.help")}
              value={form.reopenWindowDays}
              onChange={(value) => set("reopenWindowDays", number(value))}
              allowDecimal={false}
              min={0}
              max={365}
              error={error("reopenWindowDays")}
              maw={320}
            />
            <NumberInput
              label={t("settings.slaWarningShare")}
              description={t("settings.slaWarningShare.help")}
              value={warningPercent}
              onChange={setWarningPercent}
              allowDecimal={false}
              min={50}
              max={95}
              suffix="%"
              error={error("slaWarningShare")}
              maw={320}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t("settings.accounts")}
            </Title>
            <Switch
              label={t("settings.companyAdminsMayInvite")}
              description={t("settings.companyAdminsMayInvite.help")}
              checked={form.companyAdminsMayInvite}
              onChange={(event) => set("companyAdminsMayInvite", event.currentTarget.checked)}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t("settings.contact")}
            </Title>
            <TextInput
              type="email"
              label={t("settings.supportEmail")}
              value={form.supportEmail}
              onChange={(event) => set("supportEmail", event.currentTarget.value)}
              error={error("supportEmail")}
              maw={420}
            />
            <Textarea
              label={t("settings.supportSignature")}
              value={form.supportSignature}
              onChange={(event) => set("supportSignature", event.currentTarget.value)}
              error={error("supportSignature")}
              autosize
              minRows={3}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t("settings.privacy")}
            </Title>
            <NumberInput
              label={t("settings.attachmentRetentionMonths")}
              description={t("settings.attachmentRetentionMonths.help")}
              value={form.attachmentRetentionMonths}
              onChange={(value) => set("attachmentRetentionMonths", number(value))}
              allowDecimal={false}
              min={0}
              max={120}
              error={error("attachmentRetentionMonths")}
              maw={320}
            />
          </Stack>
        </Paper>
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
