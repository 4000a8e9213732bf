// Enums and shapes shared by every contract: roles, locales, ids, the error body, pagination.
import { z } from "zod";

export const Role = z.enum(["customer", "customer_admin", "agent", "supervisor", "admin"]);
export type Role = z.infer<typeof Role>;

export const CUSTOMER_ROLES = ["customer", "customer_admin"] as const satisfies readonly Role[];
export const STAFF_ROLES = ["agent", "supervisor", "admin"] as const satisfies readonly Role[];

export function isStaffRole(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

export const Locale = z.enum(["pt-BR", "en"]);
export type Locale = z.infer<typeof Locale>;
export const DEFAULT_LOCALE: Locale = "pt-BR";

/** Server-generated identifiers are UUIDs. */
export const Id = z.uuid();

/** An instant, always UTC, as ISO 8601. */
export const Instant = z.iso.datetime();

/** Custom issues carry an i18n key as their message; the error handler translates it. */
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "validation.email" }))
  .transform((value) => value.toLowerCase());

export const Password = z.string().min(10).max(128);

export const ErrorResponse = z.object({
  error: z.object({
    /** Stable machine-readable code, e.g. `auth.invalid_credentials`. */
    code: z.string(),
    /** Localized for the request's user. */
    message: z.string(),
    /** Per-field messages, keyed by the contract's field path (`company.cnpj`). */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Keyset pagination: an opaque cursor from the previous page. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
