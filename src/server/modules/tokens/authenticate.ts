// A bearer token → the actor it acts as, or nothing when it is unknown, revoked, expired or its
// account (or company) is disabled. Compared by the SHA-256 of the value, in constant time.
import { timingSafeEqual } from "node:crypto";
import { API_TOKEN_PREFIX } from "../../../contracts/tokens";
import { grantableScopes } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { hashToken } from "../../crypto";
import { json } from "../../db/json";
import type { RequestAuth } from "../../plugins/session";
import type { SessionWithUser } from "../auth/repository";
import { findTokenWithUser, touchToken } from "./repository";

/** `last_used_at` is written at most this often: reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;
/** `ext_` and 43 base64url characters; anything much longer is not ours. */
const MAX_TOKEN_LENGTH = 100;

/** The token in an `Authorization` header: `Bearer <token>` (scheme case-insensitive), else null. */
export function bearerTokenOf(header: string): string | null {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  const token = match?.[1];
  if (!token || token.length > MAX_TOKEN_LENGTH || !token.startsWith(API_TOKEN_PREFIX)) return null;
  return token;
}

export async function authenticateToken(ctx: AppContext, token: string): Promise<RequestAuth | null> {
  const tokenHash = hashToken(token);
  const row = await findTokenWithUser(ctx.db, tokenHash);
  // The lookup is by an index on the hash; comparing again in constant time keeps the last step of
  // the check free of timing differences whatever the database's comparison does.
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(tokenHash))) return null;
  const now = ctx.clock.now();
  if (row.revokedAt !== null) return null;
  if (row.tokenExpiresAt !== null && row.tokenExpiresAt <= now) return null;
  if (row.companyActive === 0) return null;
  // A service token's account never signs in (it is inactive by design); a person's must be active.
  if (row.kind === "personal" && row.active !== 1) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt >= TOUCH_INTERVAL_MS) {
    await touchToken(ctx.db, row.tokenId, now);
  }
  // A person whose role changed keeps only the scopes the new role may use; the policies check the
  // rest (company admins inviting, per the settings) on every route.
  const allowed = new Set(grantableScopes(row.role, { companyAdminsMayInvite: true }));
  const scopes = new Set(json.apiTokenScopes.decode(row.scopes).filter((scope) => allowed.has(scope)));
  const user: SessionWithUser = {
    sessionId: `token:${row.tokenId}`,
    lastSeenAt: now,
    expiresAt: row.tokenExpiresAt ?? Number.MAX_SAFE_INTEGER,
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    locale: row.locale,
    active: row.active,
    companyId: row.companyId,
    previousLoginAt: row.previousLoginAt,
    companyName: row.companyName,
    companyCnpj: row.companyCnpj,
    companyActive: row.companyActive,
  };
  return {
    actor: { userId: row.userId, role: row.role, companyId: row.companyId },
    sessionId: user.sessionId,
    user,
    locale: row.locale,
    token: { id: row.tokenId, name: row.tokenName, kind: row.kind, scopes },
  };
}
