// "Meu perfil": one's own name and language, changing the password, which e-mails one gets, and
// personal API tokens.
import { SimpleGrid, Stack, Title } from "@mantine/core";
import { usePageTitle } from "../components/use-page-title";
import { useI18n } from "../i18n/i18n";
import { ApiTokensSection } from "./ApiTokensSection";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { EmailPreferencesForm } from "./EmailPreferencesForm";
import { ProfileForm } from "./ProfileForm";

export function ProfilePage() {
  const { t } = useI18n();
  usePageTitle(t("profile.title"));
  return (
    <Stack gap="lg" maw={1040}>
      <Title order={1} fz="h2">
        {t("profile.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProfileForm />
        <ChangePasswordForm />
        <EmailPreferencesForm />
      </SimpleGrid>
      <ApiTokensSection />
    </Stack>
  );
}
