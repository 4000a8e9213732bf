// Probes for load balancers, orchestrators and monitors, outside /api and without authentication:
// - GET /health: 200 when the database answers, 503 otherwise (kept for existing monitors);
// - GET /health/live: 200 while the process answers at all (restart it when this fails);
// - GET /health/ready: 200 only when the migrations are applied, the database answers and the
//   process is not draining; 503 otherwise (send it no traffic while this fails).
import { sql } from "kysely";
import { z } from "zod";
import type { AppContext } from "../../context";
import { migrations } from "../../db/migrations";
import { ping } from "../../db/ping";
import type { Db } from "../../db/schema";
import { opsOf } from "../../ops-state";
import type { ZodApp } from "../../types";

const Health = z.object({ status: z.enum(["ok", "unavailable"]), database: z.enum(["sqlite", "postgres"]) });
const Live = z.object({ status: z.literal("ok") });
const Ready = z.object({
  status: z.enum(["ok", "unavailable", "migrating", "draining"]),
  database: z.enum(["sqlite", "postgres"]),
});

/** Every migration of this build is recorded as applied (Kysely's bookkeeping table; none yet: false). */
async function migrationsApplied(db: Db): Promise<boolean> {
  const result = await sql<{ applied: number | string }>`select count(*) as applied from kysely_migration`
    .execute(db)
    .catch(() => undefined);
  return Number(result?.rows[0]?.applied ?? 0) >= Object.keys(migrations).length;
}

export function healthRoutes(ctx: AppContext) {
  const ops = opsOf(ctx);
  // Migrations are never undone while the process runs: once seen applied, not asked again.
  let migrated = false;
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

    app.get(
      "/health/live",
      { config: { public: true }, logLevel: "warn", schema: { hide: true, response: { 200: Live } } },
      async () => ({ status: "ok" as const }),
    );

    app.get(
      "/health/ready",
      {
        config: { public: true },
        logLevel: "warn",
        schema: { hide: true, response: { 200: Ready, 503: Ready } },
      },
      async (request, reply) => {
        const database = ctx.connection.dialect;
        const refuse = (status: "unavailable" | "migrating" | "draining") => {
          reply.header("cache-control", "no-store");
          return reply.status(503).send({ status, database });
        };
        if (ops.draining) return refuse("draining");
        try {
          await ping(ctx.db);
          if (!migrated) migrated = await migrationsApplied(ctx.db);
          if (!migrated) return refuse("migrating");
        } catch (error) {
          request.log.warn({ err: error }, "readiness: database unreachable");
          return refuse("unavailable");
        }
        if (ops.draining) return refuse("draining");
        return { status: "ok" as const, database };
      },
    );
  };
}
