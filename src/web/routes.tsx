// Every page's address: pages before sign-in, then the guarded portal (customers) and console (staff).
import { createBrowserRouter, Navigate } from "react-router";
import { AuditPage } from "./console/audit/AuditPage";
import { StatementDetailPage } from "./console/billing/StatementDetailPage";
import { StatementsPage } from "./console/billing/StatementsPage";
import { CompaniesPage } from "./console/companies/CompaniesPage";
import { CompanyPage } from "./console/companies/CompanyPage";
import { CompliancePage } from "./console/compliance/CompliancePage";
import { ApiTokensPanel } from "./console/integrations/ApiTokensPanel";
import { ErpInstallationsPanel } from "./console/integrations/ErpInstallationsPanel";
import { IntegrationsIndex, IntegrationsLayout } from "./console/integrations/IntegrationsLayout";
import { WebhookDeliveries } from "./console/integrations/WebhookDeliveries";
import { WebhooksPanel } from "./console/integrations/WebhooksPanel";
import { KnowledgeBasePage } from "./console/kb/KnowledgeBasePage";
import { OutboxPage } from "./console/outbox/OutboxPage";
import { PhoneTicketPage } from "./console/phone/PhoneTicketPage";
import { PlansPage } from "./console/plans/PlansPage";
import { PrivacyPage } from "./console/privacy/PrivacyPage";
import { QueuePage } from "./console/queue/QueuePage";
import { ScreensPage } from "./console/screens/ScreensPage";
import { SettingsPage } from "./console/settings/SettingsPage";
import { ConsoleTicketPage } from "./console/ticket/ConsoleTicketPage";
import { LoggedTimePage } from "./console/time/LoggedTimePage";
import { UsersPage } from "./console/users/UsersPage";
import { PolicyPage } from "./policy/PolicyPage";
import { ConsumptionPage } from "./portal/consumption/ConsumptionPage";
import { NewTicketPage } from "./portal/new-ticket/NewTicketPage";
import { PeoplePage } from "./portal/people/PeoplePage";
import { TicketPage } from "./portal/ticket/TicketPage";
import { TicketsPage } from "./portal/tickets/TicketsPage";
import { ProfilePage } from "./profile/ProfilePage";
import { AudienceLayout, ConsoleOnly, HomeRedirect, PortalOnly } from "./shell/audience";
import { NotFoundPage } from "./shell/NotFoundPage";
import { RequireSignedIn } from "./shell/RequireSignedIn";
import { RouteErrorPage } from "./shell/RouteErrorPage";
import { ForgotPasswordPage } from "./sign-in/forgot-password/ForgotPasswordPage";
import { LoginPage } from "./sign-in/login/LoginPage";
import { SetPasswordPage } from "./sign-in/set-password/SetPasswordPage";

export function createAppRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { path: "/login", element: <LoginPage /> },
        { path: "/forgot-password", element: <ForgotPasswordPage /> },
        { path: "/set-password", element: <SetPasswordPage /> },
        {
          element: <RequireSignedIn />,
          children: [
            { index: true, element: <HomeRedirect /> },
            {
              element: <AudienceLayout />,
              children: [
                {
                  path: "/portal",
                  element: <PortalOnly />,
                  children: [
                    { index: true, element: <Navigate to="/portal/tickets" replace /> },
                    { path: "new", element: <NewTicketPage /> },
                    { path: "tickets", element: <TicketsPage /> },
                    { path: "tickets/:number", element: <TicketPage /> },
                    { path: "policy", element: <PolicyPage /> },
                    { path: "people", element: <PeoplePage /> },
                    { path: "consumption", element: <ConsumptionPage /> },
                  ],
                },
                {
                  path: "/console",
                  element: <ConsoleOnly />,
                  children: [
                    { index: true, element: <QueuePage /> },
                    { path: "tickets/:number", element: <ConsoleTicketPage /> },
                    { path: "phone", element: <PhoneTicketPage /> },
                    { path: "companies", element: <CompaniesPage /> },
                    { path: "companies/:companyId", element: <CompanyPage /> },
                    { path: "users", element: <UsersPage /> },
                    { path: "plans", element: <PlansPage /> },
                    { path: "kb", element: <KnowledgeBasePage /> },
                    { path: "screens", element: <ScreensPage /> },
                    { path: "compliance", element: <CompliancePage /> },
                    { path: "statements", element: <StatementsPage /> },
                    { path: "statements/:companyId", element: <StatementDetailPage /> },
                    { path: "time", element: <LoggedTimePage /> },
                    { path: "policy", element: <PolicyPage /> },
                    { path: "audit", element: <AuditPage /> },
                    { path: "settings", element: <SettingsPage /> },
                    { path: "people/:userId/privacy", element: <PrivacyPage /> },
                    { path: "outbox", element: <OutboxPage /> },
                    {
                      path: "integrations",
                      element: <IntegrationsLayout />,
                      children: [
                        { index: true, element: <IntegrationsIndex /> },
                        { path: "erp", element: <ErpInstallationsPanel /> },
                        { path: "tokens", element: <ApiTokensPanel /> },
                        { path: "webhooks", element: <WebhooksPanel /> },
                        { path: "webhooks/:webhookId", element: <WebhookDeliveries /> },
                      ],
                    },
                  ],
                },
                { path: "/profile", element: <ProfilePage /> },
                { path: "*", element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
