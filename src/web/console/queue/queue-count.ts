// A queue tab's count: "1.234" in the user's language, or "1.000+" where counting stopped at the cap.
import type { Locale } from "../../../contracts/common";
import { isOverCap } from "../../../contracts/queue";

export function formatQueueCount(count: number, cap: number, locale: Locale): string {
  const format = new Intl.NumberFormat(locale);
  return isOverCap(count, cap) ? `${format.format(cap)}+` : format.format(count);
}
