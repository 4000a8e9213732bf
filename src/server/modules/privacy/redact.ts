// What anonymizing does to text: the person's name, e-mail and @mention handle give way to
// "Titular anonimizado", case aside; pure, so the same rules rewrite bodies, HTML and audit details.
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
