// `Authorization: Bearer ext_…` on API routes: authenticates the token (401 when it is not in force),
// counts it against its rate (429), and lets it through only where the route's declaration
// (modules/tokens/route-access.ts) names a scope it carries (403 otherwise). Public routes never read
// it. A request with both a cookie and a token is the token's alone (plugins/session.ts skips it).
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { AppContext } from "../context";
import { errors } from "../errors";
import { authenticateToken, bearerTokenOf } from "../modules/tokens/authenticate";
import { TokenRateLimiter } from "../modules/tokens/rate-limit";
import { routeAccessOf } from "../modules/tokens/route-access";
import { isApiRoute } from "./api-route";

export default fp(
  async (app: FastifyInstance, opts: { ctx: AppContext }) => {
    const limiter = new TokenRateLimiter(opts.ctx.config.apiTokens.ratePerMinute);
    app.addHook("onRequest", async (request) => {
      const header = request.headers.authorization;
      if (header === undefined || !isApiRoute(request)) return;
      // Undeclared routes are closed to tokens: deny by default.
      const access = routeAccessOf(request.method, request.routeOptions.url ?? "") ?? "session";
      if (access === "public") return;
      const token = bearerTokenOf(header);
      const auth = token ? await authenticateToken(opts.ctx, token) : null;
      if (!auth?.token) throw errors.invalidApiToken();
      const wait = limiter.take(auth.token.id, opts.ctx.clock.now());
      if (wait > 0) throw errors.apiTokenRateLimited(wait);
      if (access === "session") throw errors.apiTokenNotAccepted();
      if (access !== "any" && !auth.token.scopes.has(access)) throw errors.apiTokenScopeMissing(access);
      request.auth = auth;
    });
  },
  { name: "api-token", dependencies: ["session"] },
);
