// API tokens: what a script or an integration presents as `Authorization: Bearer ext_…` instead of a
// session cookie. Personal tokens act as their owner; service tokens (admins) act as an integration.
import { z } from "zod";
import { Id, Instant } from "./common";

/**
 * What a token may reach. A route declares the one it needs (`server/modules/tokens/route-access.ts`);
 * the actor's own rights (policies) still apply on top, so a scope never grants more than its holder has.
 */
export const ApiScope = z.enum([
  "tickets:read",
  "tickets:write",
  "kb:read",
  "kb:write",
  "users:read",
  "users:write",
  "companies:read",
  "reports:read",
]);
export type ApiScope = z.infer<typeof ApiScope>;

/** `personal`: acts as the person who made it; `service`: an integration's, made by an admin. */
export const ApiTokenKind = z.enum(["personal", "service"]);
export type ApiTokenKind = z.infer<typeof ApiTokenKind>;

/** Every token's value starts with this, so that it is recognisable in a leak (secret scanners). */
export const API_TOKEN_PREFIX = "ext_";

export const CreateApiTokenRequest = z
  .strictObject({
    name: z.string().trim().min(2).max(80),
    kind: ApiTokenKind.default("personal"),
    scopes: z
      .array(ApiScope)
      .min(1)
      .max(ApiScope.options.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, { message: "validation.duplicates" }),
    /** No value: the token never expires (revoke it when done). */
    expiresAt: Instant.optional(),
    /** Service tokens only: the token acts within this company alone, as its admin would. */
    companyId: Id.optional(),
  })
  .refine((body) => body.kind === "service" || body.companyId === undefined, {
    message: "validation.token_company_service_only",
    path: ["companyId"],
  });
export type CreateApiTokenRequest = z.input<typeof CreateApiTokenRequest>;

export const ApiTokenListQuery = z.strictObject({ kind: ApiTokenKind.optional() });
export type ApiTokenListQuery = z.infer<typeof ApiTokenListQuery>;

export const ApiToken = z.object({
  id: Id,
  kind: ApiTokenKind,
  name: z.string(),
  scopes: z.array(ApiScope),
  /** The value's first characters (`ext_AbCd…`), to tell tokens apart; the value itself is never shown again. */
  hint: z.string(),
  /** A service token's company; null for a staff-wide one and for personal tokens. */
  company: z.object({ id: Id, name: z.string() }).nullable(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Instant,
  expiresAt: Instant.nullable(),
  /** Written at most once a minute. */
  lastUsedAt: Instant.nullable(),
  expired: z.boolean(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** The answer to POST /api/v1/tokens: the only time the value is shown. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const ApiTokenList = z.object({
  items: z.array(ApiToken),
  /** The scopes the caller may give a personal token (its role's). */
  grantableScopes: z.array(ApiScope),
  /** Admins: the scopes a service token may carry, staff-wide or bound to a company; else null. */
  serviceScopes: z.object({ staff: z.array(ApiScope), company: z.array(ApiScope) }).nullable(),
});
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/**
 * A service token acts through an account of its own, inactive and without a password, so that its
 * tickets and audit entries have an author; its address is at a reserved domain (RFC 2606), which is
 * how people lists leave it out.
 */
export const SERVICE_ACCOUNT_DOMAIN = "tokens.invalid";
