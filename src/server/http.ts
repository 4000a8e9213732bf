// Small helpers every route uses: turning a policy decision into 404/403, and the command's metadata.
import type { FastifyRequest } from "fastify";
import type { Decision } from "../domain/policies";
import type { CommandMeta } from "./context";
import { errors } from "./errors";
import { ownOrigin } from "./plugins/csrf";

/** Throws 404 when the actor may not know the resource exists, 403 when it may know but not act. */
export function authorize(decision: Decision, notFound = errors.notFound): void {
  if (decision === "hide") throw notFound();
  if (decision === "forbid") throw errors.forbidden();
}

export function commandMeta(request: FastifyRequest, publicUrl: string | undefined): CommandMeta {
  return {
    actorId: request.auth?.actor.userId ?? null,
    ip: request.ip,
    origin: ownOrigin(request, publicUrl),
  };
}

export function clientOf(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers["user-agent"] ?? "" };
}
