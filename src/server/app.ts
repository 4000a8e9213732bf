// buildApp: plugins in order, then every module's routes. It never listens; main.ts and tests do.

import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "./context";
import { errors } from "./errors";
import { attachmentRoutes } from "./modules/attachments/routes";
import { auditRoutes } from "./modules/audit/routes";
import { meRoutes } from "./modules/auth/me-routes";
import { authRoutes } from "./modules/auth/routes";
import { billingRoutes } from "./modules/billing/routes";
import { cannedResponseRoutes } from "./modules/canned/routes";
import { companyRoutes } from "./modules/companies/routes";
import { erpInstallationRoutes } from "./modules/erp-link/routes";
import { erpLinkRoutes } from "./modules/erp-link/sso-routes";
import { healthRoutes } from "./modules/health/routes";
import { kbEditorRoutes } from "./modules/kb/editor-routes";
import { kbRoutes } from "./modules/kb/routes";
import { liveRoutes } from "./modules/live/routes";
import { metaRoutes } from "./modules/meta/routes";
import metrics from "./modules/metrics/routes";
import { notificationRoutes } from "./modules/notifications/routes";
import { outboxRoutes } from "./modules/outbox/routes";
import { phoneRoutes } from "./modules/phone/routes";
import { calendarHolidayRoutes } from "./modules/plans/holiday-routes";
import { planRoutes } from "./modules/plans/routes";
import { privacyRoutes } from "./modules/privacy/routes";
import { queueRoutes } from "./modules/queue/routes";
import { relationRoutes } from "./modules/relations/routes";
import { savedViewRoutes } from "./modules/saved-views/routes";
import { screenCatalogRoutes } from "./modules/screens/catalog-routes";
import { screenRoutes } from "./modules/screens/routes";
import { settingsRoutes } from "./modules/settings/routes";
import { staffRoutes } from "./modules/staff/routes";
import { ticketFollowerRoutes } from "./modules/tickets/followers";
import { ticketRoutes } from "./modules/tickets/routes";
import { securitySchemes, withSecurity } from "./modules/tokens/openapi";
import { tokenRoutes } from "./modules/tokens/routes";
import { userRoutes } from "./modules/users/routes";
import { webhookRoutes } from "./modules/webhooks/routes";
import apiToken from "./plugins/api-token";
import authGate from "./plugins/auth-gate";
import { answerClientError } from "./plugins/client-errors";
import csrf from "./plugins/csrf";
import drain from "./plugins/drain";
import errorHandler, { renderFrameworkError } from "./plugins/error-handler";
import securityHeaders from "./plugins/security-headers";
import session from "./plugins/session";
import { registerSpa } from "./plugins/spa";
import { serializerCompiler, validatorCompiler } from "./plugins/zod";

export interface BuildOptions {
  /** Fastify's logger option; tests pass false. */
  logger?: FastifyServerOptions["logger"];
}

/**
 * A page of the SPA: a GET outside /api whose last segment has no extension. A missing file
 * (an old asset after a deploy) gets 404, not index.html, which the browser would run as a script.
 */
function isAppPage(method: string, url: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = url.split("?")[0] ?? "";
  if (path === "/api" || path.startsWith("/api/")) return false;
  // Server-side sign-in links (the ERP's): an unknown one is a 404, never the app.
  if (path === "/sso" || path.startsWith("/sso/")) return false;
  // Probes and metrics are for machines: an unknown one is a 404 too.
  if (path === "/health" || path.startsWith("/health/") || path === "/metrics") return false;
  return !/\.[A-Za-z0-9]+$/.test(path);
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
    },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // Stalled or slow clients must not hold connections for ever (Fastify's defaults wait without
    // end). Live streams are long responses to complete requests: they turn the idle timeout off.
    requestTimeout: config.http.requestMs,
    connectionTimeout: config.http.idleMs,
    keepAliveTimeout: config.http.keepAliveMs,
    http: {
      headersTimeout: config.http.headersMs,
      requestTimeout: config.http.requestMs,
      // Node checks those two timeouts this often (30 s by default): close late by 1 s at most.
      connectionsCheckingInterval: 1000,
    },
    // Bad JSON is the client's error; keep prototype poisoning out.
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // The drain plugin answers requests during shutdown (503 Retry-After, in the contract's shape).
    return503OnClosing: false,
    // Errors found before routing answer in the contract's shape too.
    frameworkErrors: renderFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorHandler);
  await app.register(securityHeaders);
  // Before any plugin that reads the database: a draining process refuses new requests at once.
  await app.register(drain, { ctx });
  await app.register(metrics, { ctx });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Extranet API",
        version: "1",
        description:
          "Two ways in: a session cookie from POST /api/v1/auth/login (unsafe methods must send an Origin header matching the server's origin), or `Authorization: Bearer <API token>` (no cookie, no Origin), where each operation's security names the scope the token needs.",
      },
      components: { securitySchemes },
    },
    transform: withSecurity(jsonSchemaTransform),
  });
  await app.register(fastifyCookie);
  await app.register(session, { ctx });
  await app.register(apiToken, { ctx });
  await app.register(csrf, { publicUrl: config.publicUrl });
  // After every plugin that may authenticate the caller, before any route runs.
  await app.register(authGate);

  await app.register(healthRoutes(ctx));
  await app.register(metaRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(meRoutes(ctx));
  await app.register(companyRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(kbRoutes(ctx));
  await app.register(kbEditorRoutes(ctx));
  await app.register(screenRoutes(ctx));
  await app.register(screenCatalogRoutes(ctx));
  await app.register(ticketRoutes(ctx));
  await app.register(attachmentRoutes(ctx));
  await app.register(planRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(calendarHolidayRoutes(ctx));
  await app.register(liveRoutes(ctx));
  await app.register(phoneRoutes(ctx));
  await app.register(relationRoutes(ctx));
  await app.register(cannedResponseRoutes(ctx));
  await app.register(staffRoutes(ctx));
  await app.register(billingRoutes(ctx));
  await app.register(queueRoutes(ctx));
  await app.register(savedViewRoutes(ctx));
  await app.register(settingsRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(privacyRoutes(ctx));
  await app.register(outboxRoutes(ctx));
  await app.register(webhookRoutes(ctx));
  await app.register(ticketFollowerRoutes(ctx));
  await app.register(tokenRoutes(ctx));
  await app.register(erpInstallationRoutes(ctx));
  await app.register(erpLinkRoutes(ctx));

  const webRoot = config.webRoot;
  if (webRoot) await registerSpa(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (webRoot && isAppPage(request.method, request.url)) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    throw errors.routeNotFound();
  });
  return app;
}
