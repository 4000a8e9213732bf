// The console's keyboard shortcuts and the "?" overlay that lists them.
//
// A page declares its shortcuts with `useShortcuts(title, shortcuts)`: each one has keys in Mantine's
// hotkey syntax ("j", "arrowdown", "shift+?", "mod+k"), the description the overlay shows and what it
// does. They work while the page is mounted, never while the user types in a field or works inside
// a dialog or menu, and Enter or Space never take a focused button's or link's own action away.
// `<ShortcutsProvider>` (in the console's layout) keeps the registry, binds "?" to the overlay and
// draws it: the general shortcuts first, then each mounted page's group in the order they mounted.
//
//   useShortcuts(t("ticket.shortcuts.group"), [
//     { keys: ["r"], description: t("ticket.shortcuts.reply"), run: () => replyBox.current?.focus() },
//   ]);
import { type HotkeyItem, useDisclosure, useHotkeys } from "@mantine/hooks";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useI18n } from "../../i18n/i18n";
import { HelpOverlay, type ShortcutGroup } from "./HelpOverlay";

export interface Shortcut {
  /** One or more hotkeys that do the same thing, e.g. ["j", "arrowdown"]. */
  keys: string[];
  description: string;
  run: (event: KeyboardEvent) => void;
}

interface Registry {
  register: (group: ShortcutGroup & { id: number }) => () => void;
  openHelp: () => void;
}

const ShortcutsContext = createContext<Registry | null>(null);

/** The keys that open the overlay: "?" with Shift on most layouts, alone on a few. */
const HELP_KEYS = ["shift+?", "?"];

export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [groups, setGroups] = useState<(ShortcutGroup & { id: number })[]>([]);
  const [opened, help] = useDisclosure(false);
  const register = useCallback((group: ShortcutGroup & { id: number }) => {
    setGroups((current) => [...current.filter((g) => g.id !== group.id), group].sort((a, b) => a.id - b.id));
    return () => setGroups((current) => current.filter((g) => g.id !== group.id));
  }, []);
  const registry = useMemo(() => ({ register, openHelp: help.open }), [register, help.open]);
  useHotkeys(HELP_KEYS.map((key) => [key, help.toggle]));

  const general: ShortcutGroup = {
    title: t("shortcuts.general"),
    items: [
      { keys: ["shift+?"], description: t("shortcuts.help") },
      { keys: ["escape"], description: t("shortcuts.close") },
    ],
  };
  return (
    <ShortcutsContext.Provider value={registry}>
      {children}
      <HelpOverlay opened={opened} onClose={help.close} groups={[general, ...groups]} />
    </ShortcutsContext.Provider>
  );
}

/** Opens the overlay (for a visible "Atalhos" button: shortcuts nobody can find help nobody). */
export function useShortcutHelp(): () => void {
  return useContext(ShortcutsContext)?.openHelp ?? (() => {});
}

const INTERACTIVE =
  "button, a[href], input, select, textarea, [role='button'], [role='tab'], [role='menuitem'], [role='option'], [role='checkbox'], [role='switch']";

/** Whether a page shortcut may act on this key press. */
function mayRun(event: KeyboardEvent, key: string): boolean {
  if (event.defaultPrevented || (event.repeat && key === "enter")) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (target.closest("[role='dialog'], [role='menu'], [role='listbox']")) return false;
  const activation = key === "enter" || key === "space";
  return !(activation && target.closest(INTERACTIVE));
}

let nextGroupId = 1;

export function useShortcuts(title: string, shortcuts: Shortcut[]): void {
  const registry = useContext(ShortcutsContext);
  const [id] = useState(() => nextGroupId++);
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  // Registered again only when what the overlay shows changes, not on every render.
  const listing = JSON.stringify(shortcuts.map((s) => ({ keys: s.keys, description: s.description })));
  useEffect(() => {
    if (!registry) return;
    return registry.register({ id, title, items: JSON.parse(listing) });
  }, [registry, id, title, listing]);

  useHotkeys(
    shortcuts.flatMap((shortcut, index) =>
      shortcut.keys.map(
        (key) =>
          [
            key,
            (event: KeyboardEvent) => {
              if (!mayRun(event, key.toLowerCase())) return;
              event.preventDefault();
              latest.current[index]?.run(event);
            },
            { preventDefault: false },
          ] satisfies HotkeyItem,
      ),
    ),
  );
}
