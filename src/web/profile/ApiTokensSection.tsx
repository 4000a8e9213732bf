// "Tokens de API" on "Meu perfil": personal tokens for one's own scripts, acting as oneself and never
// beyond one's own rights (the scopes offered are the ones the server says the role may use).
import { Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { CreatedApiToken } from "../../contracts/tokens";
import { useApiTokens } from "../api/tokens";
import { ApiTokenCreateForm } from "../components/api-tokens/ApiTokenCreateForm";
import { ApiTokenTable } from "../components/api-tokens/ApiTokenTable";
import { NewTokenNotice } from "../components/api-tokens/NewTokenNotice";
import { ErrorAlert } from "../components/ErrorAlert";
import { useI18n } from "../i18n/i18n";

export function ApiTokensSection() {
  const { t } = useI18n();
  const tokens = useApiTokens("personal");
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="api-tokens-title">
      <Stack gap="md">
        <Title order={2} fz="h4" id="api-tokens-title">
          {t("tokens.personalTitle")}
        </Title>
        <Text fz="sm" c="dimmed">
          {t("tokens.personalIntro")}
        </Text>
        <ErrorAlert error={tokens.error} />
        {tokens.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
        {created && <NewTokenNotice created={created} onDone={() => setCreated(null)} />}
        {tokens.data && (
          <>
            <ApiTokenTable tokens={tokens.data.items} />
            <Title order={3} fz="h5">
              {t("tokens.new")}
            </Title>
            <ApiTokenCreateForm kind="personal" scopes={tokens.data.grantableScopes} onCreated={setCreated} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
