// "Empresas": customer companies and their support plans (still to come).
import { PagePlaceholder } from "../../components/PagePlaceholder";
import { useI18n } from "../../i18n/i18n";

export function CompaniesPage() {
  const { t } = useI18n();
  return <PagePlaceholder title={t("nav.companies")} intro={t("console.companies.intro")} />;
}
