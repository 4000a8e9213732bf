// Deny by default: every /api route refuses a caller without an authenticated actor (401) unless the
// route declares itself public with `config: { public: true }`. One hook, before body parsing and
// validation, so a route that forgets a check is still closed.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { errors } from "../errors";
import { isApiRoute } from "./api-route";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Answers callers with no authenticated actor (signing in, the sign-in page's facts). */
    public?: boolean;
  }
  interface FastifyInstance {
    /** Every /api route as registered, and whether it is public: the surface the gate guards. */
    apiRoutes: readonly ApiRoute[];
  }
}

export interface ApiRoute {
  method: string;
  url: string;
  public: boolean;
}

export default fp(
  async (app: FastifyInstance) => {
    const routes: ApiRoute[] = [];
    app.decorate("apiRoutes", routes);
    app.addHook("onRoute", (route) => {
      if (!route.url.startsWith("/api/")) return;
      for (const method of [route.method].flat()) {
        routes.push({ method, url: route.url, public: route.config?.public === true });
      }
    });
    // The gate reads only `request.auth`, set by whichever plugin authenticated the caller (today the
    // session cookie; an API token later), so it never depends on how the actor was proven.
    app.addHook("onRequest", (request, _reply, done) => {
      const closed = isApiRoute(request) && request.routeOptions.config.public !== true;
      done(closed && request.auth === null ? errors.unauthenticated() : undefined);
    });
  },
  { name: "auth-gate", dependencies: ["session"] },
);
