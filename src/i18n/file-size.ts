// File sizes as people read them: "820 KB", "1,5 MB" in pt-BR, "1.5 MB" in English (web and API messages).
import type { Locale } from "../contracts/common";

const UNITS = ["B", "KB", "MB", "GB"] as const;
const STEP = 1024;

export function formatFileSize(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= STEP && unit < UNITS.length - 1) {
    value /= STEP;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}
