// Names the browser tab after the page: "Entrar · Extranet UNO".
import { useEffect } from "react";
import { useBrand } from "../api/app-info";
import { useI18n } from "../i18n/i18n";

export function usePageTitle(page: string): void {
  const { t } = useI18n();
  const brand = useBrand();
  const product = t("app.title", { brand });
  useEffect(() => {
    document.title = page ? `${page} · ${product}` : product;
  }, [page, product]);
}
