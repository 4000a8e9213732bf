// Whether a request is for the API, decided on the route the router matched, never on the raw URL:
// routing decodes the path (`/%61pi/v1/me` reaches `/api/v1/me`), so a prefix check on `request.url`
// can be stepped around by any encoding of "/api". Unmatched requests (404) are nobody's route.
import type { FastifyRequest } from "fastify";

export function isApiRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith("/api/") === true;
}
