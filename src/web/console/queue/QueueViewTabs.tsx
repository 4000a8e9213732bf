// The queue's views as tabs, each with its live count; "vence em breve / violado" turns red when any.
import { Badge, Tabs } from "@mantine/core";
import type { Locale } from "../../../contracts/common";
import { isOverCap, type QueueCounts, QueueView } from "../../../contracts/queue";
import { useI18n } from "../../i18n/i18n";

/** A view's count as its tab shows it: "1.234", or "1.000+" where counting stopped at the cap. */
export function formatQueueCount(count: number, cap: number, locale: Locale): string {
  const format = new Intl.NumberFormat(locale);
  return isOverCap(count, cap) ? `${format.format(cap)}+` : format.format(count);
}

export function QueueViewTabs({
  view,
  counts,
  onChange,
}: {
  view: QueueView;
  counts: QueueCounts | undefined;
  onChange: (view: QueueView) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Tabs
      value={view}
      onChange={(value) => {
        const parsed = QueueView.safeParse(value);
        if (parsed.success) onChange(parsed.data);
      }}
      activateTabWithKeyboard
    >
      <Tabs.List aria-label={t("queue.views")}>
        {QueueView.options.map((option) => {
          const count = counts?.[option];
          const alarm = option === "at_risk" && (count ?? 0) > 0;
          return (
            <Tabs.Tab
              key={option}
              value={option}
              rightSection={
                <Badge
                  size="sm"
                  radius="sm"
                  variant={alarm ? "filled" : "light"}
                  color={alarm ? "red" : "gray"}
                  style={{ fontVariantNumeric: "tabular-nums" }}
                >
                  {count === undefined || !counts ? "…" : formatQueueCount(count, counts.cap, locale)}
                </Badge>
              }
            >
              {t(`queue.view.${option}`)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
    </Tabs>
  );
}
