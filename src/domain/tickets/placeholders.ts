// Fills a canned response's {placeholders} with a ticket's values. A placeholder it does not know, or
// one without a value (no plan, no running deadline), stays as written so the agent sees it.
import { CANNED_PLACEHOLDERS } from "../../contracts/canned";

export interface PlaceholderValues {
  /** The requester's name. */
  customer: string;
  /** The requester's first name. */
  firstName: string;
  company: string;
  /** The ticket's number. */
  ticket: string;
  plan: string | null;
  /** The earliest running deadline, already formatted. */
  due: string | null;
}

type Key = keyof PlaceholderValues;

const KEYS: ReadonlyMap<string, Key> = new Map(
  CANNED_PLACEHOLDERS.flatMap(({ name, alias }) => [
    [fold(name), alias as Key],
    [fold(alias), alias as Key],
  ]),
);

const PLACEHOLDER = /\{\s*([\p{L}]+)\s*\}/gu;

/** "Ocorrência", "OCORRENCIA" and "ocorrencia" are one placeholder. */
function fold(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** "Fernanda" from "Fernanda Lima": how a reply greets a person. */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}

export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(PLACEHOLDER, (written, name: string) => {
    const key = KEYS.get(fold(name));
    const value = key === undefined ? null : values[key];
    return value ?? written;
  });
}
