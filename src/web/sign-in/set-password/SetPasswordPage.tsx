// "Definir senha": the page a one-time link opens; sets the password, then sends the user to sign in.
import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { fieldError, isApiError } from "../../api/api-error";
import { useSetPassword } from "../../api/auth";
import { ErrorAlert } from "../../components/ErrorAlert";
import { NewPasswordFields } from "../../components/NewPasswordFields";
import { checkNewPassword, hasProblems, type NewPasswordProblems } from "../../components/new-password";
import { PublicLayout } from "../../components/PublicLayout";
import { useI18n } from "../../i18n/i18n";
import { PASSWORD_SET } from "../login/login-notice";
import { tokenFromHash } from "./link-token";

export function SetPasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [token] = useState(() => tokenFromHash(location.hash));
  const setPassword = useSetPassword();
  const [password, setPasswordValue] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<NewPasswordProblems>({});

  // Take the token out of the address bar (and history) once read: it is a secret.
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname }, { replace: true });
  }, [location.hash, location.pathname, navigate]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const found = checkNewPassword(password, repeat, t);
    setProblems(found);
    if (hasProblems(found)) return;
    setPassword.mutate(
      { token, password },
      { onSuccess: () => void navigate("/login", { replace: true, state: PASSWORD_SET }) },
    );
  };

  const error = setPassword.error;
  const linkRejected =
    !token ||
    fieldError(error, "token") !== undefined ||
    (isApiError(error) && error.code === "auth.invalid_link");

  if (linkRejected) {
    return (
      <PublicLayout title={t("setPassword.title")}>
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {isApiError(error) && error.code === "auth.invalid_link"
            ? error.message
            : t("error.auth.invalid_link")}
        </Alert>
        <BackToLogin />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t("setPassword.title")}>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPasswordChange={setPasswordValue}
            onRepeatChange={setRepeat}
            problems={{
              password: problems.password ?? fieldError(error, "password"),
              repeat: problems.repeat,
            }}
          />
          <Button type="submit" fullWidth size="md" loading={setPassword.isPending}>
            {t("setPassword.submit")}
          </Button>
        </Stack>
      </form>
      <BackToLogin />
    </PublicLayout>
  );
}

function BackToLogin() {
  const { t } = useI18n();
  return (
    <Anchor component={Link} to="/login" fz="sm" ta="center">
      {t("forgot.back")}
    </Anchor>
  );
}
