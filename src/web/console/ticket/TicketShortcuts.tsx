// The console ticket page's keyboard shortcuts and their help overlay. `ticketShortcuts` lists every
// key the page handles (a shared overlay can show it); each part of the page registers the handlers it
// owns with useTicketShortcuts (the reply box r, n and Ctrl/⌘+Shift+R; the side panel a, s and ?).
import { Group, Kbd, Modal, Table, Text } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { Fragment } from "react";
import type { MessageKey } from "../../../i18n";
import { useI18n } from "../../i18n/i18n";

/** The status select's id: "s" focuses and opens it. */
export const STATUS_FIELD_ID = "ticket-status-field";

export interface TicketShortcut {
  /** Mantine hotkey notation ("mod" is Ctrl, or ⌘ on a Mac). */
  keys: string;
  label: MessageKey;
}

export const ticketShortcuts = [
  { keys: "r", label: "shortcuts.reply" },
  { keys: "n", label: "shortcuts.note" },
  { keys: "a", label: "shortcuts.assignToMe" },
  { keys: "s", label: "shortcuts.status" },
  { keys: "mod+shift+R", label: "shortcuts.canned" },
  { keys: "shift+?", label: "shortcuts.help" },
] as const satisfies readonly TicketShortcut[];

export type TicketShortcutKeys = (typeof ticketShortcuts)[number]["keys"];

/** Keys that work while typing in a field too (they never type a character). */
const WHILE_TYPING: ReadonlySet<TicketShortcutKeys> = new Set(["mod+shift+R"]);

/**
 * Registers the handlers a part of the page owns. Plain keys are ignored while the user types in a
 * field, so typing is never taken for a command.
 */
export function useTicketShortcuts(handlers: Partial<Record<TicketShortcutKeys, () => void>>): void {
  const entries = Object.entries(handlers) as [TicketShortcutKeys, () => void][];
  useHotkeys(entries.filter(([keys]) => !WHILE_TYPING.has(keys)).map(([keys, run]) => [keys, run]));
  useHotkeys(
    entries.filter(([keys]) => WHILE_TYPING.has(keys)).map(([keys, run]) => [keys, run]),
    [],
  );
}

/** "mod+shift+R" → ["Ctrl", "Shift", "R"] (⌘ on a Mac); "shift+?" → ["?"]. */
export function keysOf(keys: string, mac: boolean): string[] {
  if (keys === "shift+?") return ["?"];
  return keys.split("+").map((part) => {
    if (part === "mod") return mac ? "⌘" : "Ctrl";
    if (part === "shift") return "Shift";
    return part.toUpperCase();
  });
}

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t("shortcuts.title")} size="md">
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {ticketShortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.keys}>
              <Table.Td w={160}>
                <Group gap={4} wrap="nowrap">
                  {keysOf(shortcut.keys, isMac()).map((key, index) => (
                    <Fragment key={key}>
                      {index > 0 && (
                        <Text span c="dimmed" fz="xs">
                          +
                        </Text>
                      )}
                      <Kbd>{key}</Kbd>
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{t(shortcut.label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed" mt="sm">
        {t("canned.keystrokeHint")}
      </Text>
    </Modal>
  );
}
