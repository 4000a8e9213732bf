// An estimate's status as a colored badge: rascunho · aguardando aprovação · aprovado · recusado · retirado.
import { Badge } from "@mantine/core";
import type { EstimateStatus } from "../../../contracts/billing";
import { useI18n } from "../../i18n/i18n";

const COLORS: Record<EstimateStatus, string> = {
  draft: "gray",
  sent: "yellow",
  approved: "teal",
  declined: "red",
  withdrawn: "gray",
};

export function EstimateStatusBadge({ status }: { status: EstimateStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant={status === "withdrawn" ? "outline" : "light"} color={COLORS[status]} radius="sm">
      {t(`billing.estimate.status.${status}`)}
    </Badge>
  );
}
