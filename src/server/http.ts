// Small helpers every route uses: turning a policy decision into 404/403, and the command's metadata.
import type { FastifyRequest } from "fastify";
import type { Decision } from "../domain/policies";
import type { CommandMeta } from "./context";
import { errors } from "./errors";

/** Throws 404 when the actor may not know the resource exists, 403 when it may know but not act. */
export function authorize(decision: Decision, notFound = errors.notFound): void {
  if (decision === "hide") throw notFound();
  if (decision === "forbid") throw errors.forbidden();
}

export function commandMeta(request: FastifyRequest, publicUrl: string | undefined): CommandMeta {
  return {
    actorId: request.auth?.actor.userId ?? null,
    ip: request.ip,
    origin: linkOrigin(request, publicUrl),
    apiToken: request.auth?.token ? { id: request.auth.token.id, name: request.auth.token.name } : undefined,
  };
}

/** A loopback Host, port included: the only ones a link may trust without EXTRANET_PUBLIC_URL. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Where one-time links point: the configured public URL; else the request's own origin only when
 * its Host is loopback (the embedded quick start, reached on this machine). Any other Host could be
 * forged to send a reset link, token and all, to someone else's site: no origin, no link.
 */
export function linkOrigin(request: FastifyRequest, publicUrl: string | undefined): string | undefined {
  if (publicUrl) return publicUrl;
  const host = request.host.toLowerCase();
  return LOOPBACK_HOST.test(host) ? `${request.protocol}://${host}` : undefined;
}

export function clientOf(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers["user-agent"] ?? "" };
}
