// "Esqueci minha senha": the person types their e-mail and, if it has an active account, receives a
// one-time link by e-mail. The page says the same whatever the e-mail, as the server does.
import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { IconArrowLeft, IconMailCheck } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { fieldError } from "../../api/api-error";
import { useBrand } from "../../api/app-info";
import { useForgotPassword } from "../../api/auth";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PublicLayout } from "../../components/PublicLayout";
import { useI18n } from "../../i18n/i18n";

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const brand = useBrand();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    forgot.mutate({ email }, { onSuccess: () => setSentTo(email.trim()) });
  };

  return (
    <PublicLayout title={t("forgot.title")}>
      {sentTo ? (
        <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} role="status">
          {t("forgot.sent", { email: sentTo })}
        </Alert>
      ) : (
        <>
          <Text>{t("forgot.intro")}</Text>
          <ErrorAlert error={forgot.error} />
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput
                label={t("login.email")}
                type="email"
                autoComplete="username"
                inputMode="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldError(forgot.error, "email")}
                data-autofocus
              />
              <Button type="submit" fullWidth size="md" loading={forgot.isPending}>
                {t("forgot.submit")}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Text fz="sm" c="dimmed">
        {t("forgot.noEmail", { brand })}
      </Text>
      <Anchor
        component={Link}
        to="/login"
        fz="sm"
        style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t("forgot.back")}
      </Anchor>
    </PublicLayout>
  );
}
