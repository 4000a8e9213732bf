// METRICS_PORT: `extranet serve` serves GET /metrics on an internal listener without a token, and
// nothing else there; the public port keeps /metrics a 404 while METRICS_TOKEN is unset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, waitForOutput } from "./server";
import { cleanUp, ensureBuilt, freshDataDir } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

describe("extranet serve with METRICS_PORT", { timeout: 60_000 }, () => {
  it("serves Prometheus text on the internal listener only, and exits 0 on SIGTERM", async () => {
    const metricsPort = await freePort();
    const server = await startServer({
      EXTRANET_DATA_DIR: freshDataDir(),
      EXTRANET_SEED_DEMO: "false",
      METRICS_PORT: String(metricsPort),
    });
    await waitForOutput(server, /metrics at http:\/\/127\.0\.0\.1:\d+\/metrics/);
    expect((await fetch(`${server.baseUrl}/api/v1/app`)).status).toBe(200);

    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(
      /^extranet_http_request_duration_seconds_count\{route="\/api\/v1\/app",method="GET",status_class="2xx"\} 1$/m,
    );
    expect(text).toContain("extranet_sla_sweeper_lag_seconds");
    expect(text).toContain("process_resident_memory_bytes");

    expect((await fetch(`http://127.0.0.1:${metricsPort}/api/v1/app`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);

    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
  });
});
