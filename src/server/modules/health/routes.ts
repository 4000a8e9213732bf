// GET /health: 200 when the database answers, 503 otherwise (for load balancers and monitors).
import { z } from "zod";
import type { AppContext } from "../../context";
import { ping } from "../../db/ping";
import type { ZodApp } from "../../types";

const Health = z.object({ status: z.enum(["ok", "unavailable"]), database: z.enum(["sqlite", "postgres"]) });

export function healthRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/health",
      { config: { public: true }, schema: { hide: true, response: { 200: Health, 503: Health } } },
      async (request, reply) => {
        try {
          await ping(ctx.db);
          return { status: "ok" as const, database: ctx.connection.dialect };
        } catch (error) {
          request.log.warn({ err: error }, "health check: database unreachable");
          return reply.status(503).send({ status: "unavailable" as const, database: ctx.connection.dialect });
        }
      },
    );
  };
}
