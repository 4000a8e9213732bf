// On a merged ticket: "Esta ocorrência foi mesclada na #X — continue por lá", with the link.
import { Alert, Anchor } from "@mantine/core";
import { IconGitMerge } from "@tabler/icons-react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";

export function MergedBanner({
  number,
  ticketPath,
}: {
  number: number;
  ticketPath: (number: number) => string;
}) {
  const { t } = useI18n();
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconGitMerge size={18} />}
      role="status"
      title={t("merge.banner", { number })}
    >
      <Anchor component={Link} to={ticketPath(number)} fz="sm" fw={600}>
        {t("merge.bannerLink", { number })}
      </Anchor>
    </Alert>
  );
}
