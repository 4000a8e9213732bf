// An account's state in a word: active, inactive, awaiting its password, or locked after failed sign-ins.
import { Badge } from "@mantine/core";
import type { User } from "../../../contracts/users";
import { formatDateTime } from "../../../i18n/format-date";
import { useI18n } from "../../i18n/i18n";

export function UserStatusBadge({ user }: { user: User }) {
  const { t, locale } = useI18n();
  if (!user.active)
    return (
      <Badge color="gray" variant="light">
        {t("users.status.inactive")}
      </Badge>
    );
  if (user.lockedUntil)
    return (
      <Badge color="red" variant="light" style={{ textTransform: "none" }}>
        {t("users.status.locked", { time: formatDateTime(user.lockedUntil, locale) })}
      </Badge>
    );
  if (!user.hasPassword)
    return (
      <Badge color="yellow" variant="light">
        {t("users.status.pending")}
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      {t("users.status.active")}
    </Badge>
  );
}
