// The support team's frame: denser than the portal, a dark header naming the console, the work queues left.
import { AppShell, Burger, Divider, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAppWindow,
  IconBook,
  IconBuilding,
  IconChartBar,
  IconClockHour4,
  IconHistory,
  IconHourglass,
  IconInbox,
  IconMailForward,
  IconPhone,
  IconPlugConnected,
  IconReceipt,
  IconSettings,
  IconShieldCheck,
  IconUserCircle,
  IconUsers,
} from "@tabler/icons-react";
import { Outlet } from "react-router";
import { BrandMark } from "../components/BrandMark";
import { type NavItem, NavMenu } from "../components/NavMenu";
import { HeaderSessionControls, MenuSessionControls } from "../components/SessionControls";
import { usePhoneLayout } from "../components/use-phone-layout";
import { useI18n } from "../i18n/i18n";
import { useCurrentUser } from "../shell/current-user";
import { NotificationBell } from "./notifications/NotificationBell";
import { ShortcutsProvider } from "./shortcuts/shortcuts";

export function ConsoleLayout() {
  const { t } = useI18n();
  const { abilities } = useCurrentUser();
  const [menuOpened, menu] = useDisclosure(false);
  const phone = usePhoneLayout();

  const work: NavItem[] = [
    { to: "/console", label: t("nav.queue"), icon: IconInbox, exact: true, alsoOn: ["/console/tickets"] },
    { to: "/console/phone", label: t("nav.phone"), icon: IconPhone },
  ];
  if (abilities.readCompanies)
    work.push({ to: "/console/companies", label: t("nav.companies"), icon: IconBuilding });
  if (abilities.manageUsers) work.push({ to: "/console/users", label: t("nav.users"), icon: IconUsers });
  work.push({ to: "/console/plans", label: t("nav.plans"), icon: IconClockHour4 });
  work.push({ to: "/console/kb", label: t("nav.kb"), icon: IconBook });
  work.push({ to: "/console/screens", label: t("nav.screens"), icon: IconAppWindow });
  if (abilities.readSlaCompliance)
    work.push({ to: "/console/compliance", label: t("nav.compliance"), icon: IconChartBar });
  if (abilities.readBillingStatements)
    work.push({ to: "/console/statements", label: t("nav.statements"), icon: IconReceipt });
  work.push({ to: "/console/time", label: t("nav.time"), icon: IconHourglass });
  work.push({ to: "/console/policy", label: t("nav.policy"), icon: IconShieldCheck });
  if (abilities.readAudit)
    work.push({
      to: "/console/audit",
      label: t("nav.audit"),
      icon: IconHistory,
      alsoOn: ["/console/people"],
    });
  if (abilities.manageSettings)
    work.push({ to: "/console/settings", label: t("nav.settings"), icon: IconSettings });
  if (abilities.manageOutbox)
    work.push({ to: "/console/outbox", label: t("nav.outbox"), icon: IconMailForward });
  if (abilities.manageIntegrations)
    work.push({
      to: "/console/integrations/erp",
      label: t("nav.integrations"),
      icon: IconPlugConnected,
      alsoOn: ["/console/integrations"],
    });
  const account: NavItem[] = [{ to: "/profile", label: t("nav.profile"), icon: IconUserCircle }];

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 224, breakpoint: "sm", collapsed: { mobile: !menuOpened } }}
      padding="md"
    >
      <AppShell.Header bg="dark.7" withBorder={false}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={t("app.menu")}
            />
            <BrandMark inverted />
            <Divider orientation="vertical" color="dark.4" visibleFrom="sm" />
            <Text c="gray.3" fz="sm" fw={500} visibleFrom="sm">
              {t("nav.console")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            {!phone && <HeaderSessionControls onDark />}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t("app.menu")}>
        <AppShell.Section grow>
          <NavMenu items={work} onNavigate={menu.close} dense />
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="xs" />
          {phone && <MenuSessionControls />}
          <NavMenu items={account} onNavigate={menu.close} dense />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <ShortcutsProvider>
          <Outlet />
        </ShortcutsProvider>
      </AppShell.Main>
    </AppShell>
  );
}
