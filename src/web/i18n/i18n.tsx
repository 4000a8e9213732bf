// The web's language: the signed-in user's choice, else this browser's; `t` and dates in that language.
import { notifications } from "@mantine/notifications";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Locale } from "../../contracts/common";
import { type Translate, translator } from "../../i18n";
import { formatDateTime } from "../../i18n/format-date";
import { useMe, useUpdateMe } from "../api/me";
import { readStoredLocale, storeLocale } from "./locale-store";

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Remembered in this browser and, when signed in, on the user's account. */
  setLocale: (locale: Locale) => void;
  formatDateTime: (instant: string | Date) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const { mutate: updateMe } = useUpdateMe();
  const [browserLocale, setBrowserLocale] = useState(readStoredLocale);
  const accountLocale = me?.locale;
  const signedIn = Boolean(me);
  const locale = accountLocale ?? browserLocale;

  // Keep the account's language for the sign-in page, so signing out does not switch language.
  useEffect(() => {
    if (!accountLocale) return;
    storeLocale(accountLocale);
    setBrowserLocale(accountLocale);
  }, [accountLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      storeLocale(next);
      setBrowserLocale(next);
      if (!signedIn) return;
      updateMe(
        { locale: next },
        { onError: (error) => notifications.show({ color: "red", message: error.message }) },
      );
    },
    [signedIn, updateMe],
  );

  const value = useMemo<I18n>(
    () => ({
      locale,
      t: translator(locale),
      setLocale,
      formatDateTime: (instant) => formatDateTime(instant, locale),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n must be used inside <I18nProvider>");
  return i18n;
}
