// Text never holds control characters other than tab and line breaks: PostgreSQL refuses NUL
// outright, SQLite would store it, and none belongs in a subject, a name, a note or a search.
// Every contract input is checked for them as a whole (the API's validator, the CLI's parser), so
// a new contract refuses them without saying so.
import type { core } from "zod";

/** U+0000–U+001F except tab, LF and CR, and U+007F. */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x7f || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) return true;
  }
  return false;
}

/** One issue per string (or key) holding a control character, at its path in the input. */
export function controlCharacterIssues(input: unknown): core.$ZodIssue[] {
  const issues: core.$ZodIssue[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === "string") {
      if (hasControlCharacters(value)) {
        issues.push({ code: "custom", path, message: "validation.control_characters", input: value });
      }
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        visit(hasControlCharacters(key) ? key : item, [...path, key]);
      }
    }
  };
  visit(input, []);
  return issues;
}
