// The language select ("Idioma"): switches the interface at once and remembers the choice.
import { NativeSelect } from "@mantine/core";
import { IconLanguage } from "@tabler/icons-react";
import type { Locale } from "../../contracts/common";
import { useAppInfo } from "../api/app-info";
import { useI18n } from "../i18n/i18n";
import { isLocale } from "../i18n/locale-store";

const ALL_LOCALES: readonly Locale[] = ["pt-BR", "en"];

interface LanguageSwitchProps {
  /** A visible label (forms); headers rely on the icon and an accessible name. */
  withLabel?: boolean;
  size?: "xs" | "sm";
}

export function LanguageSwitch({ withLabel = false, size = "sm" }: LanguageSwitchProps) {
  const { t, locale, setLocale } = useI18n();
  const offered = useAppInfo().data?.locales ?? ALL_LOCALES;
  return (
    <NativeSelect
      label={withLabel ? t("app.language") : undefined}
      aria-label={withLabel ? undefined : t("app.language")}
      size={size}
      leftSection={<IconLanguage size={16} stroke={1.6} aria-hidden />}
      value={locale}
      data={offered.map((option) => ({ value: option, label: t(`language.${option}`) }))}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        if (isLocale(chosen)) setLocale(chosen);
      }}
    />
  );
}
