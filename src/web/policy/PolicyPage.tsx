// "Política de Suporte", written from the plans themselves: customers see their own plan, staff every plan.
import { Loader, Stack, Text, Title } from "@mantine/core";
import { usePlans } from "../api/sla";
import { usePageTitle } from "../components/use-page-title";
import { useI18n } from "../i18n/i18n";
import { useCurrentUser } from "../shell/current-user";
import { ErrorState } from "../shell/ErrorState";
import { PlanPolicyCard } from "./PlanPolicyCard";
import { SupportVersusConsultancy } from "./SupportVersusConsultancy";

export function PolicyPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const plans = usePlans();
  usePageTitle(t("nav.policy"));
  // The API answers a customer with its company's plan only.
  const isCustomer = me.company !== null;

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.policy")}
        </Title>
        <Text c="dimmed">{t("policy.intro")}</Text>
      </Stack>
      {plans.isPending && <Loader aria-label={t("app.loading")} />}
      {plans.isError && <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data?.items.length === 0 && <Text>{t("policy.empty")}</Text>}
      {plans.data?.items.map((plan) => (
        <PlanPolicyCard key={plan.id} plan={plan} isOwnPlan={isCustomer} />
      ))}
      <SupportVersusConsultancy />
    </Stack>
  );
}
