// "Fila": where customers' tickets arrive for the support team (the queue itself is still to come).
import { PagePlaceholder } from "../../components/PagePlaceholder";
import { useI18n } from "../../i18n/i18n";

export function QueuePage() {
  const { t } = useI18n();
  return <PagePlaceholder title={t("nav.queue")} intro={t("console.home.intro")} />;
}
