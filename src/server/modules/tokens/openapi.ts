// The OpenAPI document's security: both schemes (the session cookie and a bearer token), and on each
// operation the scope a token needs there, read from the same table the gate enforces.
import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import { SESSION_COOKIE } from "../../plugins/session";
import { routeAccessOf } from "./route-access";

export const securitySchemes = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "From POST /api/v1/auth/login. Unsafe methods must send an Origin header matching the server's origin.",
  },
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "An API token (`ext_…`, from POST /api/v1/tokens or the admins' Integrações page). No cookie and no Origin needed; each operation lists the scope it needs.",
  },
} as const;

/** `security` of one operation: none on public routes, the bearer scope (if any) and the cookie. */
export function securityOf(method: string, url: string): Record<string, string[]>[] {
  const access = routeAccessOf(method, url) ?? "session";
  if (access === "public") return [];
  if (access === "session") return [{ sessionCookie: [] }];
  return [{ bearerAuth: access === "any" ? [] : [access] }, { sessionCookie: [] }];
}

type Transform = NonNullable<FastifyDynamicSwaggerOptions["transform"]>;

/** Wraps the contracts' transform so that every operation states its security. */
export function withSecurity(transform: Transform): Transform {
  return (input) => {
    const result = transform(input);
    const method = [input.route.method].flat()[0] ?? "GET";
    const schema = result.schema ?? input.schema;
    // A documented browser route outside /api (the ERP link, `GET /sso/erp`) proves itself with what it
    // carries (a signed link), never with a session or a token.
    const security = input.url.startsWith("/api/") ? securityOf(method, input.url) : [];
    return { ...result, schema: { ...schema, security } };
  };
}
