// The audit trail in words, for the console's "Auditoria" page and its CSV alike: what kind of
// record, what was done, which field, and a recorded value as text. Actions and fields the catalogs
// do not name yet (a new module's) still read sensibly: the kind's name and the code as written.
import type { AuditTargetType } from "../contracts/audit";
import type { Locale } from "../contracts/common";
import { isMessageKey, type Translate } from "./index";

export function auditKindLabel(t: Translate, kind: AuditTargetType): string {
  const key = `audit.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** "Configurações alteradas"; an unknown action reads "Empresa: company.merged". */
export function auditActionLabel(t: Translate, action: string, kind: AuditTargetType): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : `${auditKindLabel(t, kind)}: ${action}`;
}

export function auditFieldLabel(t: Translate, field: string): string {
  const key = `audit.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** A field's value as recorded, in words where the value is a code the catalogs name (a role). */
export function auditFieldValueText(t: Translate, locale: Locale, field: string, value: unknown): string {
  if (field === "role" && typeof value === "string") {
    const key = `role.${value}`;
    if (isMessageKey(key)) return t(key);
  }
  return auditValueText(t, locale, value);
}

/** A value as recorded (JSON): "—" for none, sim/não, numbers the reader's way, lists joined. */
export function auditValueText(t: Translate, locale: Locale, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return t(value ? "audit.value.yes" : "audit.value.no");
  if (typeof value === "number") return value.toLocaleString(locale);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((item) => auditValueText(t, locale, item)).join(", ");
  return JSON.stringify(value);
}
