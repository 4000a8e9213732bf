// The customer's frame: brand, who is signed in and for which company, and the seed's left menu.
import { AppShell, Burger, Divider, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconFilePlus,
  IconListDetails,
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

export function PortalLayout() {
  const { t } = useI18n();
  const { abilities } = useCurrentUser();
  const [menuOpened, menu] = useDisclosure(false);
  const phone = usePhoneLayout();

  const work: NavItem[] = [];
  if (abilities.openTickets) work.push({ to: "/portal/new", label: t("nav.newTicket"), icon: IconFilePlus });
  if (abilities.viewCompanyTickets)
    work.push({ to: "/portal/tickets", label: t("nav.tickets"), icon: IconListDetails });
  if (abilities.viewCompanyPeople)
    work.push({ to: "/portal/people", label: t("nav.people"), icon: IconUsers });
  work.push({ to: "/portal/policy", label: t("nav.policy"), icon: IconShieldCheck });
  const account: NavItem[] = [{ to: "/profile", label: t("nav.profile"), icon: IconUserCircle }];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 264, breakpoint: "sm", collapsed: { mobile: !menuOpened } }}
      padding="xl"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={menuOpened}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("app.menu")}
            />
            <BrandMark />
          </Group>
          {!phone && <HeaderSessionControls />}
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t("app.menu")}>
        <AppShell.Section grow>
          <Text fz="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={6}>
            {t("app.menu")}
          </Text>
          <NavMenu items={work} onNavigate={menu.close} />
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          {phone && <MenuSessionControls />}
          <NavMenu items={account} onNavigate={menu.close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
