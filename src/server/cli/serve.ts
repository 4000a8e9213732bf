// `extranet serve`: migrate, seed the demo once, listen, and drain gracefully on SIGTERM. On SQLite,
// one server per database file.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../app";
import type { Config } from "../config";
import { lockSqliteServer } from "../db/sqlite-server-lock";
import { startMaintenance } from "../jobs/maintenance";
import { startSlaSweeper } from "../jobs/sla-sweeper";
import { type ImapPoller, startImapPoller } from "../mail/imap";
import { type InboundListener, startSmtpListener } from "../mail/listener";
import { mailSetup } from "../mail/setup";
import { smtpTransport } from "../mail/smtp";
import { type MetricsListener, startMetricsListener } from "../modules/metrics/listener";
import { OutboxWorker } from "../modules/outbox/worker";
import { settingsOf } from "../modules/settings/service";
import { anyUserExists } from "../modules/users/repository";
import { WebhookWorker } from "../modules/webhooks/worker";
import { opsOf } from "../ops-state";
import { closeContext, openContext } from "../runtime";
import { sealStoredSecrets } from "../seal-stored-secrets";
import { formatDemoLogins, seedDemo } from "../seed/demo";

/** Printed at every start without demo data while the database has no account at all. */
const FIRST_ADMIN_HELP = [
  "No accounts yet. Create the first administrator (same DATABASE_URL / EXTRANET_DATA_DIR as this server):",
  "  echo 'a long passphrase' | npx extranet create-user --role admin --email you@example.com --name \"Your Name\" --password-stdin",
].join("\n");

/** The built SPA is dist/web in the package, wherever this module was bundled or run from. */
export function defaultWebRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const candidate = path.join(dir, "dist", "web");
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(candidate, "index.html"))) {
      return candidate;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

export async function serve(config: Config): Promise<void> {
  const serverLock =
    config.database.dialect === "sqlite" ? lockSqliteServer(config.database.file) : undefined;
  const ctx = await openContext(config, { serving: true }).catch((error: unknown) => {
    serverLock?.release();
    throw error;
  });
  const secrets = await sealStoredSecrets(ctx).catch(async (error: unknown) => {
    await closeContext(ctx);
    serverLock?.release();
    throw error;
  });
  const app = await buildApp(ctx);
  if (secrets.sealed > 0)
    app.log.info({ sealed: secrets.sealed }, "stored ERP and webhook secrets sealed with SECRETS_KEY");
  if (secrets.unsealed > 0) {
    app.log.warn(
      { unsealed: secrets.unsealed },
      "SECRETS_KEY is not set: ERP and webhook secrets are stored readable (set it to seal them)",
    );
  }
  if (config.seedDemo) {
    const origin = config.publicUrl ?? `http://localhost:${config.port}`;
    const logins = await seedDemo(ctx, { actorId: null, ip: null, origin });
    if (logins) {
      app.log.info({ users: logins.length }, "demo data seeded");
      process.stdout.write(`\n${formatDemoLogins(logins)}\n\n`);
    }
  }
  // (When seeding, a process racing the seeder would see no user yet: nothing to say then.)
  if (!config.seedDemo && !(await anyUserExists(ctx.db))) process.stdout.write(`\n${FIRST_ADMIN_HELP}\n\n`);
  if (!config.webRoot) app.log.warn("web app not built: run `npm run build` to serve the portal pages");

  let closing = false;
  let sweeper: { stop(): void } | undefined;
  let maintenance: { stop(): void } | undefined;
  let mailer: OutboxWorker | undefined;
  let webhooks: WebhookWorker | undefined;
  let inbound: InboundListener | undefined;
  let imap: ImapPoller | undefined;
  let metricsListener: MetricsListener | undefined;
  const ops = opsOf(ctx);
  // The drain: not ready at once (/health/ready 503, so load balancers stop sending), new requests
  // answered 503 Retry-After and every response closing its connection (plugins/drain.ts), idle
  // kept-alive sockets closed rather than reset; after SHUTDOWN_DRAIN_SECONDS (SIGTERM only: a
  // Ctrl-C in a terminal stops at once) the listener closes once in-flight requests are done, then
  // the workers stop and the process exits.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ops.draining = true;
    app.log.info({ signal, drainMs: config.shutdownDrainMs }, "shutting down: draining in-flight requests");
    app.server.closeIdleConnections();
    sweeper?.stop();
    maintenance?.stop();
    try {
      if (signal === "SIGTERM" && config.shutdownDrainMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
        // Sockets that went idle since: closed, not reset at exit.
        app.server.closeIdleConnections();
      }
      // Waits for the requests in flight; live streams are ended by their preClose hook.
      await app.close();
      app.log.info("listener closed: stopping the workers");
      // The e-mail and webhook in flight are finished, the rest given back for another process (or the next start).
      await inbound?.close();
      await imap?.stop();
      await mailer?.stop();
      await webhooks?.stop();
      await metricsListener?.close();
      await closeContext(ctx);
      serverLock?.release();
      app.log.info("closed");
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const address = await app.listen({ port: config.port, host: config.host });
  if (config.metrics.listen) {
    metricsListener = await startMetricsListener(app, config.metrics.listen, app.log);
    app.log.info(`metrics at http://${config.metrics.listen.host}:${metricsListener.port}/metrics`);
  }
  sweeper = startSlaSweeper(ctx, (error) => app.log.error({ err: error }, "SLA sweep failed"));
  maintenance = startMaintenance(
    ctx,
    (error) => app.log.error({ err: error }, "maintenance failed"),
    (purged) => app.log.info({ purged }, "maintenance: expired rows and files purged"),
  );
  if (config.mail.smtpUrl) {
    mailer = new OutboxWorker(ctx, smtpTransport(config.mail.smtpUrl), {
      from: async () => mailSetup(config, await settingsOf(ctx)).from,
      onError: (error) => app.log.error({ err: error }, "e-mail delivery failed"),
    });
    ctx.mailer = mailer;
    mailer.start();
  } else {
    app.log.info("SMTP_URL not set: e-mails are kept in the outbox (Caixa de saída) and not sent");
  }
  // Webhooks go out from every process (each delivery claimed by one); the one in flight is finished on SIGTERM.
  webhooks = new WebhookWorker(ctx, {
    onError: (error) => app.log.error({ err: error }, "webhook delivery failed"),
    onDisabled: (endpointId) => app.log.warn({ endpointId }, "webhook disabled: failing for days"),
  });
  ctx.webhooks = webhooks;
  webhooks.start();
  if (config.mail.listen) {
    if (!config.mail.replySecret)
      app.log.warn("SMTP_LISTEN_PORT without MAIL_REPLY_SECRET: no reply can be verified");
    inbound = await startSmtpListener(ctx, config.mail.listen, app.log);
    app.log.info(`replies by e-mail taken on SMTP port ${inbound.port}`);
  }
  if (config.mail.imap) {
    if (!config.mail.replySecret)
      app.log.warn("IMAP_URL without MAIL_REPLY_SECRET: no reply can be verified");
    imap = startImapPoller(ctx, config.mail.imap.url, config.mail.imap.pollMs, app.log);
    app.log.info(
      `replies by e-mail read from ${new URL(config.mail.imap.url).host} every ${config.mail.imap.pollMs / 1000} s`,
    );
  }
  app.log.info(`Extranet ${config.brand} at ${config.publicUrl ?? address} (${ctx.connection.dialect})`);
}
