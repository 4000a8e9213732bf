// "Integrações": the ERP installations, the API tokens and the webhooks, one tab each (as the admin's
// abilities allow), every tab at its own address so that a link or a reload lands on it.
import { Stack, Tabs, Title } from "@mantine/core";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import type { MessageKey } from "../../../i18n";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";

interface IntegrationTab {
  path: string;
  label: MessageKey;
}

function useIntegrationTabs(): IntegrationTab[] {
  const { abilities } = useCurrentUser();
  const tabs: IntegrationTab[] = [];
  if (abilities.manageIntegrations) tabs.push({ path: "erp", label: "integrations.tab.erp" });
  if (abilities.manageServiceTokens) tabs.push({ path: "tokens", label: "integrations.tab.tokens" });
  if (abilities.manageIntegrations) tabs.push({ path: "webhooks", label: "integrations.tab.webhooks" });
  return tabs;
}

export function IntegrationsLayout() {
  const { t } = useI18n();
  usePageTitle(t("nav.integrations"));
  const tabs = useIntegrationTabs();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = tabs.find((tab) => pathname.startsWith(`/console/integrations/${tab.path}`))?.path;
  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        {t("nav.integrations")}
      </Title>
      <Tabs value={current ?? null} onChange={(value) => value && navigate(`/console/integrations/${value}`)}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.path} value={tab.path}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}

/** /console/integrations: the first tab this admin may open. */
export function IntegrationsIndex() {
  const [first] = useIntegrationTabs();
  return first ? <Navigate to={`/console/integrations/${first.path}`} replace /> : null;
}
