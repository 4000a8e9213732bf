// The console ticket page's keyboard shortcuts, registered with the console's shared registry (so the
// "?" overlay lists them beside the general ones). Each part of the page registers the handlers it
// owns: the reply box r, n and Ctrl/⌘+Shift+R, the side panel a and s.
import { useHotkeys } from "@mantine/hooks";
import type { MessageKey } from "../../../i18n";
import { useI18n } from "../../i18n/i18n";
import { useShortcuts } from "../shortcuts/shortcuts";

/** The status select's id: "s" focuses and opens it. */
export const STATUS_FIELD_ID = "ticket-status-field";

const LABELS = {
  r: "shortcuts.reply",
  n: "shortcuts.note",
  a: "shortcuts.assignToMe",
  s: "shortcuts.status",
  "mod+shift+R": "shortcuts.canned",
} as const satisfies Record<string, MessageKey>;

export type TicketShortcutKeys = keyof typeof LABELS;

/** Keys that work while typing in a field too (they never type a character). */
const WHILE_TYPING: ReadonlySet<TicketShortcutKeys> = new Set(["mod+shift+R"]);

/**
 * Registers the handlers a part of the page owns under `group` in the overlay. Plain keys are
 * ignored while the user types in a field, so typing is never taken for a command.
 */
export function useTicketShortcuts(
  group: MessageKey,
  handlers: Partial<Record<TicketShortcutKeys, () => void>>,
): void {
  const { t } = useI18n();
  const entries = Object.entries(handlers) as [TicketShortcutKeys, () => void][];
  useShortcuts(
    t(group),
    entries.map(([keys, run]) => ({
      keys: [keys],
      description: t(LABELS[keys]),
      // A key that also works while typing is bound below; listing it here shows it in the overlay.
      run: WHILE_TYPING.has(keys) ? () => {} : run,
    })),
  );
  useHotkeys(
    entries.filter(([keys]) => WHILE_TYPING.has(keys)).map(([keys, run]) => [keys, run]),
    [],
  );
}
