// GET /metrics: Prometheus text for monitoring, served only to `Authorization: Bearer <METRICS_TOKEN>`
// (404 while METRICS_TOKEN is unset, 401 to any other caller). Request durations are labelled by
// route pattern, method and status class, never by the raw URL (unbounded, and it names tickets).
// What needs the database (outbox, webhooks) is read at scrape time, bounded by a short timeout.
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { opsOf } from "../../ops-state";
import { outboxDepth } from "../outbox/repository";

/** A scrape waits this long for the database at most; past it, the database gauges keep their last values. */
const SCRAPE_DB_TIMEOUT_MS = 2000;

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time comparison of the presented bearer token with the configured one. */
function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const presented = /^Bearer (.+)$/i.exec(header)?.[1] ?? "";
  return timingSafeEqual(digest(presented), digest(token));
}

async function webhookBacklog(ctx: AppContext): Promise<{ waiting: number; oldestAt: number | null }> {
  const row = await ctx.db
    .selectFrom("webhook_delivery")
    .select((eb) => [eb.fn.countAll<number>().as("waiting"), eb.fn.min("created_at").as("oldest")])
    .where("state", "in", ["queued", "sending"])
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), oldestAt: row.oldest === null ? null : Number(row.oldest) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

export function buildMetrics(ctx: AppContext) {
  const registry = new Registry();
  const ops = opsOf(ctx);
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: "extranet_http_request_duration_seconds",
    help: "HTTP request duration by route pattern, method and status class",
    labelNames: ["route", "method", "status_class"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const pool = ctx.connection.pool;
  if (pool) {
    new Gauge({
      name: "extranet_db_pool_in_use",
      help: "PostgreSQL connections checked out of the pool",
      registers,
      collect() {
        this.set(pool.totalCount - pool.idleCount);
      },
    });
    new Gauge({
      name: "extranet_db_pool_waiting",
      help: "Queries waiting for a PostgreSQL connection",
      registers,
      collect() {
        this.set(pool.waitingCount);
      },
    });
    new Gauge({
      name: "extranet_db_pool_size",
      help: "PostgreSQL connections the pool may open",
      registers,
      collect() {
        this.set(pool.options.max);
      },
    });
  }
  new Gauge({
    name: "extranet_live_event_streams",
    help: "Live-event streams open in this process",
    registers,
    collect() {
      this.set(ops.liveStreams());
    },
  });
  new Gauge({
    name: "extranet_sla_sweeper_lag_seconds",
    help: "Seconds since the SLA sweeper last succeeded (since it started, if it has not yet); 0 when it does not run here",
    registers,
    collect() {
      const { startedAt, lastSuccessAt } = ops.slaSweeper;
      const since = lastSuccessAt ?? startedAt;
      this.set(since === null ? 0 : Math.max(0, Date.now() - since) / 1000);
    },
  });
  new Gauge({
    name: "extranet_sla_sweeper_interval_seconds",
    help: "How often the SLA sweeper runs (SLA_SWEEP_SECONDS)",
    registers,
    collect() {
      this.set(ops.slaSweeper.intervalMs / 1000);
    },
  });
  new Counter({
    name: "extranet_login_throttled_total",
    help: "Sign-ins and password-reset requests refused with 429 by the throttle",
    labelNames: ["kind"] as const,
    registers,
    collect() {
      this.reset();
      this.inc({ kind: "login" }, ops.throttled.login);
      this.inc({ kind: "password_reset" }, ops.throttled.passwordReset);
    },
  });
  const outboxWaiting = new Gauge({
    name: "extranet_outbox_waiting",
    help: "E-mails queued or being sent",
    registers,
  });
  const outboxOldest = new Gauge({
    name: "extranet_outbox_oldest_age_seconds",
    help: "Age of the oldest e-mail waiting (by its next attempt); 0 when none waits",
    registers,
  });
  const webhooksWaiting = new Gauge({
    name: "extranet_webhook_deliveries_waiting",
    help: "Webhook deliveries queued or being sent",
    registers,
  });
  const webhooksOldest = new Gauge({
    name: "extranet_webhook_oldest_age_seconds",
    help: "Age of the oldest webhook delivery waiting; 0 when none waits",
    registers,
  });
  const scrapeDatabase = new Gauge({
    name: "extranet_metrics_database_up",
    help: "1 when the last scrape read the database gauges in time, else 0",
    registers,
  });
  new Gauge({
    name: "extranet_draining",
    help: "1 while the process drains before exiting",
    registers,
    collect() {
      this.set(ops.draining ? 1 : 0);
    },
  });

  /** Reads the gauges the database holds, within the timeout. */
  async function refreshDatabaseGauges(): Promise<void> {
    try {
      const [outbox, webhooks] = await withTimeout(
        Promise.all([outboxDepth(ctx.db), webhookBacklog(ctx)]),
        SCRAPE_DB_TIMEOUT_MS,
      );
      const now = Date.now();
      const age = (at: number | null) => (at === null ? 0 : Math.max(0, now - at) / 1000);
      outboxWaiting.set(outbox.waiting);
      outboxOldest.set(age(outbox.oldestAt));
      webhooksWaiting.set(webhooks.waiting);
      webhooksOldest.set(age(webhooks.oldestAt));
      scrapeDatabase.set(1);
    } catch {
      scrapeDatabase.set(0);
    }
  }

  return { registry, requestDuration, refreshDatabaseGauges };
}

declare module "fastify" {
  interface FastifyInstance {
    /** The metrics text, for the internal listener (METRICS_PORT); undefined when metrics are off. */
    metricsText: (() => Promise<{ contentType: string; body: string }>) | undefined;
  }
}

/** Times every request (when metrics are configured) and serves GET /metrics. */
export default fp(
  async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
    const { token, listen } = ctx.config.metrics;
    const metrics = token || listen ? buildMetrics(ctx) : undefined;
    app.decorate(
      "metricsText",
      metrics &&
        (async () => {
          await metrics.refreshDatabaseGauges();
          return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
        }),
    );
    if (metrics) {
      app.addHook("onResponse", (request, reply, done) => {
        metrics.requestDuration.observe(
          {
            // The pattern (`/api/v1/tickets/:number`); unmatched URLs share one label.
            route: request.routeOptions.url ?? "unmatched",
            method: request.method,
            status_class: statusClass(reply.statusCode),
          },
          reply.elapsedTime / 1000,
        );
        done();
      });
    }
    app.get(
      "/metrics",
      { config: { public: true }, logLevel: "warn", schema: { hide: true } },
      async (request, reply) => {
        const text = app.metricsText;
        if (!token || !text) throw errors.routeNotFound();
        if (!bearerMatches(request, token)) {
          reply.header("www-authenticate", 'Bearer realm="metrics"');
          throw errors.unauthenticated();
        }
        const { contentType, body } = await text();
        return reply.header("cache-control", "no-store").type(contentType).send(body);
      },
    );
  },
  { name: "metrics" },
);
