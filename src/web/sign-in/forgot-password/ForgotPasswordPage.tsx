// "Esqueci minha senha": accounts are handled by the support team, who send a one-time link.
import { Anchor, Text } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { Link } from "react-router";
import { useBrand } from "../../api/app-info";
import { PublicLayout } from "../../components/PublicLayout";
import { useI18n } from "../../i18n/i18n";

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const brand = useBrand();
  return (
    <PublicLayout title={t("forgot.title")}>
      <Text>{t("forgot.body", { brand })}</Text>
      <Anchor
        component={Link}
        to="/login"
        fz="sm"
        style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t("forgot.back")}
      </Anchor>
    </PublicLayout>
  );
}
