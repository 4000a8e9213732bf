// "Entrar": e-mail and password; afterwards back to the page the user wanted, else home.
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { Link, Navigate, useLocation, useSearchParams } from "react-router";
import { ErpLinkRefusal } from "../../../contracts/erp-installations";
import { fieldError } from "../../api/api-error";
import { useBrand } from "../../api/app-info";
import { useLogin } from "../../api/auth";
import { useMe } from "../../api/me";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PublicLayout } from "../../components/PublicLayout";
import { useI18n } from "../../i18n/i18n";
import { safeNextPath } from "../../shell/safe-next";
import { noticeFrom } from "./login-notice";

export function LoginPage() {
  const { t } = useI18n();
  const brand = useBrand();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const notice = noticeFrom(location.state);
  // A refused ERP link ("Suporte UNO ERP") lands here with its reason (GET /sso/erp).
  const erpRefusal = ErpLinkRefusal.safeParse(searchParams.get("erp"));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  const erpAlert = erpRefusal.success && (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t("erpLink.refused.title")}
      role="alert"
      data-testid="erp-refusal"
    >
      {t(`erpLink.refused.${erpRefusal.data}`)}
    </Alert>
  );

  // Signed in already: the refusal is still explained, with the way on as who is signed in.
  if (me.data && erpAlert && !login.isSuccess)
    return (
      <PublicLayout title={t("login.title")}>
        {erpAlert}
        <Button component={Link} to="/" fullWidth size="md" variant="default">
          {t("erpLink.refused.continue", { name: me.data.name })}
        </Button>
      </PublicLayout>
    );
  // Signed in (just now, or already): on to the page the user wanted.
  if (me.data)
    return <Navigate to={safeNextPath(searchParams.get("next"), window.location.origin)} replace />;

  return (
    <PublicLayout title={t("login.title")}>
      {erpAlert}
      {erpAlert && (
        <Text fz="sm" c="dimmed">
          {t("erpLink.refused.signIn")}
        </Text>
      )}
      {notice && !login.error && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
          {t(notice)}
        </Alert>
      )}
      <ErrorAlert error={login.error} />
      {/* noValidate: the API's messages (in the user's language) explain problems, not the browser's. */}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t("login.email")}
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(login.error, "email")}
            data-autofocus
          />
          <PasswordInput
            label={t("login.password")}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(login.error, "password")}
          />
          <Button type="submit" fullWidth size="md" loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/forgot-password" fz="sm" ta="center">
        {t("login.forgot")}
      </Anchor>
      <Text fz="sm" c="dimmed" ta="center">
        {t("login.noAccount", { brand })}
      </Text>
    </PublicLayout>
  );
}
