// "Usuários": customers' and the support team's accounts (still to come).
import { PagePlaceholder } from "../../components/PagePlaceholder";
import { useI18n } from "../../i18n/i18n";

export function UsersPage() {
  const { t } = useI18n();
  return <PagePlaceholder title={t("nav.users")} intro={t("console.users.intro")} />;
}
