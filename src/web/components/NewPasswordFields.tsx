// The "new password" and "repeat it" pair, with the hint, shared by set-password and change-password.
import { PasswordInput } from "@mantine/core";
import { useI18n } from "../i18n/i18n";
import type { NewPasswordProblems } from "./new-password";

interface NewPasswordFieldsProps {
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  problems: NewPasswordProblems;
}

export function NewPasswordFields({
  password,
  repeat,
  onPasswordChange,
  onRepeatChange,
  problems,
}: NewPasswordFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <PasswordInput
        label={t("setPassword.password")}
        description={t("setPassword.hint")}
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPasswordChange(event.currentTarget.value)}
        error={problems.password}
      />
      <PasswordInput
        label={t("setPassword.confirm")}
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => onRepeatChange(event.currentTarget.value)}
        error={problems.repeat}
      />
    </>
  );
}
