// An article's state as a badge: draft (yellow), published (green), archived (grey).
import { Badge } from "@mantine/core";
import type { ArticleState } from "../../../contracts/kb";
import { useI18n } from "../../i18n/i18n";

const COLORS: Record<ArticleState, string> = { draft: "yellow", published: "teal", archived: "gray" };

export function StateBadge({ state }: { state: ArticleState }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" variant="light" color={COLORS[state]}>
      {t(`kb.state.${state}`)}
    </Badge>
  );
}
