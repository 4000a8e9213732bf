// The user's own details: the name can change here, the language switches at once, the rest is shown.
import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { formatCnpj } from "../../contracts/cnpj";
import { fieldError } from "../api/api-error";
import { useUpdateMe } from "../api/me";
import { ErrorAlert } from "../components/ErrorAlert";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useI18n } from "../i18n/i18n";
import { useCurrentUser } from "../shell/current-user";

export function ProfileForm() {
  const { t, formatDateTime } = useI18n();
  const me = useCurrentUser();
  const updateMe = useUpdateMe();
  const [name, setName] = useState(me.name);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    updateMe.mutate(
      { name },
      { onSuccess: () => notifications.show({ color: "teal", message: t("profile.saved") }) },
    );
  };

  return (
    <Paper withBorder radius="lg" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="h4">
            {t("profile.details")}
          </Title>
          <ErrorAlert error={updateMe.error} />
          <TextInput
            label={t("profile.name")}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(updateMe.error, "name")}
          />
          <TextInput label={t("login.email")} value={me.email} readOnly variant="filled" />
          <LanguageSwitch withLabel />
          <Stack gap={2}>
            <Detail label={t("profile.role")} value={t(`role.${me.role}`)} />
            {me.company && (
              <>
                <Detail label={t("profile.company")} value={me.company.name} />
                <Detail label={t("profile.cnpj")} value={formatCnpj(me.company.cnpj)} />
              </>
            )}
            {me.previousLoginAt && (
              <Detail label={t("profile.lastLogin")} value={formatDateTime(me.previousLoginAt)} />
            )}
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={updateMe.isPending}>
              {t("profile.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Text fz="sm">
      <Text span c="dimmed" fz="sm">
        {label}:
      </Text>{" "}
      {value}
    </Text>
  );
}
