// "Abertura de ocorrência": category first, its questions and answers, then the form (still to come).
import { PagePlaceholder } from "../../components/PagePlaceholder";
import { useI18n } from "../../i18n/i18n";

export function NewTicketPage() {
  const { t } = useI18n();
  return <PagePlaceholder title={t("nav.newTicket")} intro={t("portal.newTicket.intro")} />;
}
