// Making, listing and revoking API tokens. The value is shown once and only its SHA-256 is kept.

import { randomBytes } from "node:crypto";
import {
  API_TOKEN_PREFIX,
  type ApiScope,
  type ApiTokenList,
  type ApiTokenListQuery,
  type CreatedApiToken,
  SERVICE_ACCOUNT_DOMAIN,
} from "../../../contracts/tokens";
import { type Actor, grantableScopes, policies } from "../../../domain/policies";
import type { AppContext, CommandMeta } from "../../context";
import { hashToken, newId } from "../../crypto";
import { json } from "../../db/json";
import type { Executor } from "../../db/schema";
import { errors } from "../../errors";
import { authorize } from "../../http";
import { recordAudit } from "../audit/repository";
import { findCompany } from "../companies/repository";
import { settingsOf } from "../settings/service";
import { insertUser } from "../users/repository";
import { presentToken } from "./presenter";
import { findToken, insertToken, listTokens, revokeToken } from "./repository";

/** How much of the value is kept to tell tokens apart: the prefix and four random characters. */
const HINT_LENGTH = API_TOKEN_PREFIX.length + 4;

/** `ext_` and 256 random bits, base64url: recognisable in a leak, unguessable. */
export const newApiToken = (): string => `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

/**
 * A service token's account: the integration as the tickets, messages and audit entries it writes name
 * it. Inactive and without a password, it never signs in, is never notified nor offered as an
 * assignee; a company-bound token's account is that company's admin, a staff-wide one an admin.
 */
async function insertServiceAccount(
  trx: Executor,
  now: number,
  name: string,
  companyId: string | null,
): Promise<string> {
  const id = newId();
  await insertUser(trx, {
    id,
    company_id: companyId,
    name,
    email: `api-token-${id}@${SERVICE_ACCOUNT_DOMAIN}`,
    password_hash: null,
    role: companyId ? "customer_admin" : "admin",
    locale: "pt-BR",
    active: 0,
    last_login_at: null,
    previous_login_at: null,
    created_at: now,
    updated_at: now,
    anonymized_at: null,
  });
  return id;
}

function refuseScopesBeyond(scopes: readonly ApiScope[], allowed: readonly ApiScope[]): void {
  const refused = scopes.find((scope) => !allowed.includes(scope));
  if (refused) throw errors.apiTokenScopeNotAllowed(refused);
}

export interface CreateTokenProps {
  name: string;
  kind: "personal" | "service";
  scopes: ApiScope[];
  expiresAt?: string | undefined;
  companyId?: string | undefined;
}

/**
 * A personal token acts as its maker, with scopes the maker's role may use; a service token (admins)
 * acts as an account of its own: within one company as its admin would, or staff-wide as an admin.
 */
export async function createToken(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  props: CreateTokenProps,
): Promise<CreatedApiToken> {
  const now = ctx.clock.now();
  const expiresAt = props.expiresAt === undefined ? null : Date.parse(props.expiresAt);
  if (expiresAt !== null && expiresAt <= now) {
    throw errors.field("expiresAt", "validation.future_instant", props.expiresAt);
  }
  if (props.kind === "service") {
    authorize(policies.apiToken.manageService(actor));
    refuseScopesBeyond(
      props.scopes,
      grantableScopes(props.companyId ? "customer_admin" : "admin", { companyAdminsMayInvite: true }),
    );
  } else {
    refuseScopesBeyond(props.scopes, grantableScopes(actor.role, await settingsOf(ctx)));
  }
  const token = newApiToken();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (props.companyId && !(await findCompany(trx, { kind: "all" }, props.companyId))) {
      throw errors.notFound("company.not_found");
    }
    const userId =
      props.kind === "service"
        ? await insertServiceAccount(trx, now, props.name, props.companyId ?? null)
        : actor.userId;
    await insertToken(trx, {
      id,
      token_hash: hashToken(token),
      hint: token.slice(0, HINT_LENGTH),
      kind: props.kind,
      name: props.name,
      user_id: userId,
      scopes: json.apiTokenScopes.encode(props.scopes),
      created_by: actor.userId,
      created_at: now,
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    });
    await recordAudit(trx, meta, now, {
      action: "api_token.created",
      targetType: "api_token",
      targetId: id,
      details: {
        name: props.name,
        kind: props.kind,
        scopes: props.scopes,
        companyId: props.companyId ?? null,
        expiresAt: props.expiresAt ?? null,
      },
    });
  });
  const [row] = (await listTokens(ctx.db, { kind: props.kind })).filter((listed) => listed.id === id);
  if (!row) throw errors.internal();
  return { ...presentToken(row, now), token };
}

/** One's own personal tokens; with `kind: "service"`, the integrations' (admins). */
export async function listTokensOf(
  ctx: AppContext,
  actor: Actor,
  query: ApiTokenListQuery,
): Promise<ApiTokenList> {
  const kind = query.kind ?? "personal";
  if (kind === "service") authorize(policies.apiToken.manageService(actor));
  const rows = await listTokens(ctx.db, { kind, ...(kind === "personal" && { userId: actor.userId }) });
  const now = ctx.clock.now();
  const mayManageService = policies.apiToken.manageService(actor) === "allow";
  return {
    items: rows.map((row) => presentToken(row, now)),
    grantableScopes: grantableScopes(actor.role, await settingsOf(ctx)),
    serviceScopes: mayManageService
      ? {
          staff: grantableScopes("admin", { companyAdminsMayInvite: true }),
          company: grantableScopes("customer_admin", { companyAdminsMayInvite: true }),
        }
      : null,
  };
}

/** Revokes a token at once: its next request gets 401. Another person's token is as good as missing. */
export async function revokeApiToken(
  ctx: AppContext,
  meta: CommandMeta,
  actor: Actor,
  id: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const token = await findToken(trx, id);
    if (!token || token.revoked_at !== null) throw errors.notFound("api_token.not_found");
    authorize(policies.apiToken.revoke(actor, { kind: token.kind, userId: token.user_id }), () =>
      errors.notFound("api_token.not_found"),
    );
    if (!(await revokeToken(trx, id, actor.userId, now))) throw errors.notFound("api_token.not_found");
    await recordAudit(trx, meta, now, {
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: id,
      details: { name: token.name, kind: token.kind },
    });
  });
}
