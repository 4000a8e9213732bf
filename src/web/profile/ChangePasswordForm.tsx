// "Trocar senha": re-authenticates with the current password; the server ends the user's other sessions.
import { Button, Group, Paper, PasswordInput, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { fieldError, isApiError } from "../api/api-error";
import { useChangePassword } from "../api/me";
import { ErrorAlert } from "../components/ErrorAlert";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { checkNewPassword, hasProblems, type NewPasswordProblems } from "../components/new-password";
import { useI18n } from "../i18n/i18n";

export function ChangePasswordForm() {
  const { t } = useI18n();
  const changePassword = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  const error = changePassword.error;
  // "A senha atual não confere." belongs under the field it is about.
  const wrongCurrent = isApiError(error) && error.code === "auth.wrong_password";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkNewPassword(newPassword, repeat, t);
    setProblems(found);
    if (hasProblems(found)) return;
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword("");
          setNewPassword("");
          setRepeat("");
          notifications.show({ color: "teal", message: t("profile.passwordChanged") });
        },
      },
    );
  };

  return (
    <Paper withBorder radius="lg" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="h4">
            {t("profile.changePassword")}
          </Title>
          {!wrongCurrent && <ErrorAlert error={error} />}
          <PasswordInput
            label={t("profile.currentPassword")}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={wrongCurrent ? error.message : fieldError(error, "currentPassword")}
          />
          <NewPasswordFields
            password={newPassword}
            repeat={repeat}
            onPasswordChange={setNewPassword}
            onRepeatChange={setRepeat}
            problems={{
              password: problems.password ?? fieldError(error, "newPassword"),
              repeat: problems.repeat,
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={changePassword.isPending}>
              {t("profile.changePassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
