// The status filter of a ticket list: "Todas" or one status; segmented on wide screens, a select on phones.
import { NativeSelect, SegmentedControl } from "@mantine/core";
import { TicketStatus } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { usePhoneLayout } from "../use-phone-layout";

const ALL = "all";

interface StatusFilterProps {
  value: TicketStatus | null;
  onChange: (status: TicketStatus | null) => void;
}

export function StatusFilter({ value, onChange }: StatusFilterProps) {
  const { t } = useI18n();
  const phone = usePhoneLayout();
  const options = [
    { value: ALL, label: t("ticket.status.all") },
    ...TicketStatus.options.map((status) => ({ value: status, label: t(`ticket.status.${status}`) })),
  ];
  const choose = (chosen: string) => {
    const parsed = TicketStatus.safeParse(chosen);
    onChange(parsed.success ? parsed.data : null);
  };
  if (phone)
    return (
      <NativeSelect
        label={t("ticket.field.status")}
        data={options}
        value={value ?? ALL}
        onChange={(event) => choose(event.currentTarget.value)}
      />
    );
  return (
    <SegmentedControl
      aria-label={t("ticket.field.status")}
      data={options}
      value={value ?? ALL}
      onChange={choose}
      size="sm"
    />
  );
}
