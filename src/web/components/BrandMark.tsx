// The product's mark: the UNO badge and "Extranet UNO", sized for a header or the sign-in page.
import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconLifebuoy } from "@tabler/icons-react";
import { useBrand } from "../api/app-info";
import { useI18n } from "../i18n/i18n";

export function BrandMark({ size = "sm", inverted = false }: { size?: "sm" | "lg"; inverted?: boolean }) {
  const { t } = useI18n();
  const brand = useBrand();
  const large = size === "lg";
  return (
    <Group gap={large ? "sm" : "xs"} wrap="nowrap">
      <ThemeIcon size={large ? 44 : 30} radius="md" variant={inverted ? "white" : "filled"} aria-hidden>
        <IconLifebuoy size={large ? 26 : 18} stroke={1.8} />
      </ThemeIcon>
      <Text
        fw={700}
        fz={large ? 26 : "lg"}
        c={inverted ? "white" : undefined}
        lh={1.1}
        style={{ whiteSpace: "nowrap" }}
      >
        {t("app.title", { brand })}
      </Text>
    </Group>
  );
}
