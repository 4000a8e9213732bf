// How a hotkey (Mantine's syntax: "j", "arrowdown", "shift+?", "mod+k") is written in the help
// overlay: one label per key to press together.
const NAMES: Record<string, string> = {
  arrowdown: "↓",
  arrowup: "↑",
  arrowleft: "←",
  arrowright: "→",
  enter: "Enter",
  escape: "Esc",
  space: "Espaço",
  slash: "/",
  mod: "Ctrl",
  ctrl: "Ctrl",
  alt: "Alt",
  meta: "Meta",
  shift: "Shift",
  tab: "Tab",
};

export function keyLabels(hotkey: string): string[] {
  const parts = hotkey
    .toLowerCase()
    .split("+")
    .map((part) => part.trim())
    .filter(Boolean);
  const key = parts.at(-1) ?? "";
  // "?" is typed with Shift already; saying so again only confuses.
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  return parts
    .filter((part) => !(symbol && part === "shift"))
    .map((part) => NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part));
}
