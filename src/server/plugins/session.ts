// Reads the session cookie on API requests and attaches who is calling (or null) to the request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Locale } from "../../contracts/common";
import type { ApiScope, ApiTokenKind } from "../../contracts/tokens";
import type { Actor } from "../../domain/policies";
import type { AppContext } from "../context";
import { errors } from "../errors";
import type { SessionWithUser } from "../modules/auth/repository";
import { authenticate, type NewSession } from "../modules/auth/service";
import { isApiRoute } from "./api-route";

export const SESSION_COOKIE = "extranet_session";

export interface RequestAuth {
  actor: Actor;
  /** The session's id; for a bearer token, `token:<id>` (no session to end). */
  sessionId: string;
  user: SessionWithUser;
  locale: Locale;
  /** Set when the caller is authenticated by an API token rather than a session cookie. */
  token: RequestToken | null;
}

export interface RequestToken {
  id: string;
  name: string;
  kind: ApiTokenKind;
  /** What the token reaches: its scopes that its account's role may use. */
  scopes: ReadonlySet<ApiScope>;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
  });
}

export function toRequestAuth(row: SessionWithUser): RequestAuth {
  return {
    actor: { userId: row.userId, role: row.role, companyId: row.companyId },
    sessionId: row.sessionId,
    user: row,
    locale: row.locale,
    token: null,
  };
}

/** The caller, or 401. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw errors.unauthenticated();
  return request.auth;
}

export default fp(
  async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    app.decorateRequest("auth", null);
    app.addHook("onRequest", async (request) => {
      if (!isApiRoute(request)) return;
      // A request that brings a bearer token is judged by the token alone (plugins/api-token.ts).
      if (request.headers.authorization !== undefined) return;
      const token = request.cookies[SESSION_COOKIE];
      if (!token || token.length > 100) return;
      const row = await authenticate(opts.ctx, token);
      if (row) request.auth = toRequestAuth(row);
    });
  },
  { name: "session", dependencies: ["@fastify/cookie"] },
);
