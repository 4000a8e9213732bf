// The language chosen in this browser (localStorage "extranet.locale"): what the sign-in page speaks.
import { DEFAULT_LOCALE, type Locale } from "../../contracts/common";
import { catalogs } from "../../i18n";

const STORAGE_KEY = "extranet.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(catalogs, value);
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be disabled (privacy settings); the default language still works.
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Without storage the choice lasts for this page only; signed-in users keep it on the server.
  }
}
