// The left menu of a signed-in layout: one link per page, the current one highlighted.
import { NavLink, Stack } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import { Link, matchPath, useLocation } from "react-router";

export interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  /** Highlight only on this exact path, not on the pages below it ("/console" vs "/console/users"). */
  exact?: boolean;
  /** Other pages that belong to this item ("/console/tickets/:number" to "Fila"). */
  alsoOn?: readonly string[];
}

interface NavMenuProps {
  items: readonly NavItem[];
  /** Called after a link is followed, e.g. to fold the menu away on a phone. */
  onNavigate?: () => void;
  dense?: boolean;
}

export function NavMenu({ items, onNavigate, dense = false }: NavMenuProps) {
  const { pathname } = useLocation();
  return (
    <Stack component="nav" gap={2}>
      {items.map((item) => {
        const active = isActive(item, pathname);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={dense ? 16 : 18} stroke={1.7} aria-hidden />}
            active={active}
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
            py={dense ? 6 : 10}
            fw={500}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        );
      })}
    </Stack>
  );
}

function isActive(item: NavItem, pathname: string): boolean {
  if (matchPath({ path: item.to, end: item.exact ?? false }, pathname)) return true;
  return (item.alsoOn ?? []).some((path) => matchPath({ path, end: false }, pathname) !== null);
}
