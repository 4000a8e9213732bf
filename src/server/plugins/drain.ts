// Graceful drain: once the process drains (SIGTERM, or app.close), every new request but the health
// probes answers 503 with Retry-After in the reader's language, and every response closes its
// connection, so that kept-alive sockets go away instead of being reset at exit. Registered before
// the session plugin: a refused request costs no database round trip.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { AppContext } from "../context";
import { errors } from "../errors";
import { opsOf } from "../ops-state";

/** Probes that must answer while draining: the process is alive, and says it is not ready. */
const PROBES = new Set(["/health/live", "/health/ready"]);

export default fp(
  async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
    const ops = opsOf(ctx);
    const retryAfter = Math.max(1, Math.ceil(ctx.config.shutdownDrainMs / 1000));
    app.addHook("onRequest", (request, reply, done) => {
      if (!ops.draining || PROBES.has(request.url.split("?")[0] ?? "")) return done();
      reply.header("connection", "close");
      done(errors.shuttingDown(retryAfter));
    });
    app.addHook("onSend", (_request, reply, payload, done) => {
      if (ops.draining) reply.header("connection", "close");
      done(null, payload);
    });
    app.addHook("preClose", (done) => {
      ops.draining = true;
      done();
    });
  },
  { name: "drain" },
);
