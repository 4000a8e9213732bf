// CSRF defence without a token round trip: an unsafe API request must come from our own origin,
// unless an API token (plugins/api-token.ts, registered before) authenticated it.
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { errors } from "../errors";
import { isApiRoute } from "./api-route";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin the portal is served at: the configured public URL, else the request's own host. */
export function ownOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

export function isSameOrigin(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === ownOrigin(request, publicUrl);
  return request.headers["sec-fetch-site"] === "same-origin";
}

export default fp(
  async (app: FastifyInstance, opts: { publicUrl: string | undefined }) => {
    // Callback style: on the hot path an async hook costs a promise per request for nothing.
    app.addHook("onRequest", (request, _reply, done) => {
      // A bearer token is never sent by a browser on its own, so it needs no proof of origin.
      const unsafe = !SAFE_METHODS.has(request.method) && isApiRoute(request) && !request.auth?.token;
      done(unsafe && !isSameOrigin(request, opts.publicUrl) ? errors.csrf() : undefined);
    });
  },
  { name: "csrf" },
);
