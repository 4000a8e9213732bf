// What anonymizing does to text: the person's name, e-mail and @mention handle give way to
// "Titular anonimizado", case aside; pure, so the same rules rewrite bodies, HTML and audit details.
// In the texts that are about the person (their tickets), their first name standing alone goes too:
// a greeting ("Olá, Marta") names them as surely as their full name.
import { ANONYMIZED_NAME } from "../../../contracts/privacy";
import { analyze } from "../../../domain/search/portuguese";

export const REMOVED_EMAIL = "e-mail removido";

export interface Redaction {
  name: string;
  email: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The words a redaction looks for, for the database's first, coarse filter (lower-cased). */
export function needlesOf({ name, email }: Redaction): string[] {
  const handle = `@${email.split("@")[0] ?? ""}`;
  return [name, email, handle]
    .filter((needle) => needle.trim().length >= 3)
    .map((needle) => needle.toLowerCase());
}

/** Replaces the e-mail, then the `@handle` (its local part), then the full name. */
export function redactText(text: string, { name, email }: Redaction): string {
  let out = text.replace(new RegExp(escapeRegExp(email), "gi"), REMOVED_EMAIL);
  const handle = email.split("@")[0] ?? "";
  if (handle.length >= 3)
    out = out.replace(new RegExp(`@${escapeRegExp(handle)}(?![\\w.-])`, "gi"), "@titular");
  if (name.trim().length >= 3)
    out = out.replace(new RegExp(escapeRegExp(name.trim()), "gi"), ANONYMIZED_NAME);
  return out;
}

/** `redactText` on every string inside a JSON value (audit details). */
export function redactValue(value: unknown, redaction: Redaction): unknown {
  if (typeof value === "string") return redactText(value, redaction);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redaction));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, redaction)]));
  return value;
}

/**
 * A ticket's index terms without the person's name and e-mail handle: the text they came from no
 * longer holds them, so the search must not find them either.
 */
export function redactTerms(terms: string, { name, email }: Redaction): string {
  const gone = new Set(analyze(`${name} ${(email.split("@")[0] ?? "").replace(/[._-]/g, " ")}`));
  return terms
    .split(" ")
    .filter((term) => term !== "" && !gone.has(term))
    .join(" ");
}

/** The accented forms names take of each letter, in Portuguese and its neighbours. */
const LETTER_FORMS: Record<string, string> = {
  a: "aáàâãä",
  e: "eéèêë",
  i: "iíìîï",
  o: "oóòôõö",
  u: "uúùûü",
  c: "cç",
  n: "nñ",
};

/**
 * The first word of a name of two words or more, when it is a name of three letters or more
 * ("Marta" of "Marta Quintanilha"); null otherwise (a one-word name is the full name already).
 */
export function firstNameOf(name: string): string | null {
  const [first, ...rest] = name.trim().split(/\s+/);
  if (!first || rest.length === 0) return null;
  if (!/^\p{L}[\p{L}'’-]*$/u.test(first) || [...first].length < 3) return null;
  return first;
}

/** One letter of the name, with and without its accent; the first in capitals only. */
function letterPattern(letter: string, capitalOnly: boolean): string {
  const base = letter.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const forms = new Set([...(LETTER_FORMS[base] ?? base), letter.toLowerCase()]);
  const chars = new Set<string>();
  for (const form of forms) {
    chars.add(form.toUpperCase());
    if (!capitalOnly) chars.add(form);
  }
  return `[${[...chars].map(escapeRegExp).join("")}]`;
}

/**
 * The first name as a word of its own, accents aside ("Marcia" finds "Márcia"), written with a capital
 * as names are: "Marta" and "MARTA", never "Martinha", "Martas" or the common noun in lower case
 * ("rosa", "clara"). A colleague of the same first name in the same ticket loses it too: the law asks
 * for the person to be unidentifiable, and a text is better short of a name than holding hers.
 */
export function redactFirstName(text: string, firstName: string): string {
  const letters = [...firstName].map((char, i) =>
    /\p{L}/u.test(char) ? letterPattern(char, i === 0) : escapeRegExp(char),
  );
  const word = new RegExp(`(?<![\\p{L}\\p{N}_@.-])${letters.join("")}(?![\\p{L}\\p{N}_])`, "gu");
  return text.replace(word, ANONYMIZED_NAME);
}
