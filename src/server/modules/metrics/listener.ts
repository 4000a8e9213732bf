// METRICS_PORT: an internal listener (on METRICS_HOST, loopback by default) that serves GET /metrics
// without a token, for a scraper on the same host or a private network. Nothing else is served there.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

export async function startMetricsListener(
  app: FastifyInstance,
  listen: { port: number; host: string },
  log: FastifyBaseLogger,
): Promise<MetricsListener> {
  const text = app.metricsText;
  if (!text) throw new Error("metrics are not configured");
  const server = http.createServer((request, response) => {
    const path = (request.url ?? "").split("?")[0];
    if (path !== "/metrics" || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    text().then(
      ({ contentType, body }) => {
        response.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
        response.end(request.method === "HEAD" ? undefined : body);
      },
      (error: unknown) => {
        log.error({ err: error }, "metrics: scrape failed");
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("scrape failed\n");
      },
    );
  });
  // Scrapers keep no connection for long; none must hold the process open at exit.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
