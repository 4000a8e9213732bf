// Turns Zod issues into per-field messages in the user's language, keyed by the contract's field path.
import type { core } from "zod";
import { isMessageKey, type MessageParams, type Translate } from "./index";

type Issue = core.$ZodIssue;

const FORMAT_KEYS: Record<string, "validation.email" | "validation.uuid" | "validation.datetime"> = {
  email: "validation.email",
  uuid: "validation.uuid",
  datetime: "validation.datetime",
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A custom issue's `params` fill its message's placeholders (`{first}`): strings and numbers only. */
function paramsOf(issue: Issue): MessageParams | undefined {
  if (issue.code !== "custom" || !issue.params) return undefined;
  const entries = Object.entries(issue.params).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === "string" || typeof entry[1] === "number",
  );
  return Object.fromEntries(entries);
}

const MISSING_MEANS_REQUIRED = new Set(["invalid_type", "invalid_value", "invalid_union"]);

function messageFor(issue: Issue, t: Translate, input: unknown): string {
  if (MISSING_MEANS_REQUIRED.has(issue.code) && valueAt(input, issue.path) === undefined) {
    return t("validation.required");
  }
  // A contract's own message is an i18n key (`{ message: "validation.cnpj" }`): it wins.
  if (isMessageKey(issue.message)) return t(issue.message, paramsOf(issue));
  switch (issue.code) {
    case "invalid_type":
      return t("validation.invalid_type");
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string")
        return min <= 1 ? t("validation.required") : t("validation.too_short", { min });
      if (issue.origin === "array" || issue.origin === "set")
        return t(min === 1 ? "validation.too_few_items.one" : "validation.too_few_items", { min });
      return t("validation.too_small", { min });
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return t("validation.too_long", { max });
      if (issue.origin === "array" || issue.origin === "set")
        return t(max === 1 ? "validation.too_many_items.one" : "validation.too_many_items", { max });
      return t("validation.too_big", { max });
    }
    case "invalid_format":
      return t(FORMAT_KEYS[issue.format] ?? "validation.invalid_format");
    case "invalid_value":
      return t("validation.one_of", { values: issue.values.map(String).join(", ") });
    case "unrecognized_keys":
      return t("validation.unknown_field");
    case "custom":
      return isMessageKey(issue.message) ? t(issue.message) : t("validation.invalid_format");
    default:
      return isMessageKey(issue.message) ? t(issue.message) : t("validation.invalid_type");
  }
}

/** `{ "company.cnpj": "CNPJ inválido…" }`; the first issue of each field wins. */
export function fieldMessages(
  issues: readonly Issue[],
  t: Translate,
  input: unknown,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const paths =
      issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const name = path.map(String).join(".") || "_";
      fields[name] ??= messageFor(issue, t, input);
    }
  }
  return fields;
}
