// "Integrações" → "Tokens de API" (admins): service tokens for the vendor's own systems. Each acts as
// an integration account of its own: staff-wide as an admin would, or within one company as its
// admin would, limited by its scopes. Self-contained, so it can sit alone or in a tabbed page.
import { Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { CreatedApiToken } from "../../../contracts/tokens";
import { useApiTokens } from "../../api/tokens";
import { ApiTokenCreateForm } from "../../components/api-tokens/ApiTokenCreateForm";
import { ApiTokenTable } from "../../components/api-tokens/ApiTokenTable";
import { NewTokenNotice } from "../../components/api-tokens/NewTokenNotice";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { CompanyPicker } from "./CompanyPicker";

export function ApiTokensPanel() {
  const { t } = useI18n();
  const tokens = useApiTokens("service");
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [bound, setBound] = useState(false);
  const serviceScopes = tokens.data?.serviceScopes;
  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={2} fz="h3">
          {t("tokens.serviceTitle")}
        </Title>
        <Text c="dimmed">{t("tokens.serviceIntro")}</Text>
      </Stack>
      <ErrorAlert error={tokens.error} />
      {tokens.isPending && <Loader aria-label={t("app.loading")} />}
      {created && <NewTokenNotice created={created} onDone={() => setCreated(null)} />}
      {tokens.data && <ApiTokenTable tokens={tokens.data.items} showCompany />}
      {serviceScopes && (
        <Paper withBorder radius="lg" p="lg" maw={640}>
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t("tokens.newService")}
            </Title>
            <ApiTokenCreateForm
              kind="service"
              scopes={bound ? serviceScopes.company : serviceScopes.staff}
              companyPicker={(companyId, choose) => (
                <CompanyPicker
                  value={companyId}
                  onChange={(id) => {
                    choose(id);
                    setBound(id !== null);
                  }}
                />
              )}
              onCreated={setCreated}
            />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
