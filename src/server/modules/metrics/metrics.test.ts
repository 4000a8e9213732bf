// GET /metrics: 404 unless METRICS_TOKEN is set, 401 without the right bearer token, Prometheus text
// with the named metrics (request durations labelled by route pattern, never the raw URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_HOST, type TestApp } from "../../../../test/support/app";
import { loginAs, makeUser } from "../../../../test/support/factories";
import { connectSse } from "../../../../test/support/sse";
import { startSlaSweeper } from "../../jobs/sla-sweeper";

const TOKEN = "metrics-token-0123456789abcdef";

/** Parses the Prometheus text format: every sample's name, labels and value; throws on a bad line. */
function parsePrometheus(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const samples = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) {
      if (line.startsWith("#")) expect(line).toMatch(/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    const raw = match[3] as string;
    // Prometheus reads NaN and Inf in any case (prom-client writes "Nan" for an empty event-loop histogram).
    const nan = /^nan$/i.test(raw);
    const value = /^\+?inf$/i.test(raw) ? Number.POSITIVE_INFINITY : nan ? Number.NaN : Number(raw);
    expect(Number.isNaN(value) && !nan, line).toBe(false);
    samples.push({ name: match[1] as string, labels, value });
  }
  return samples;
}

describe("GET /metrics without METRICS_TOKEN", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("answers 404, with or without a bearer token", async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const response = await t.app.inject({ method: "GET", url: "/metrics", headers });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: "route_not_found" } });
    }
  });
});

describe("GET /metrics with METRICS_TOKEN", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { METRICS_TOKEN: TOKEN, LOGIN_MAX_FAILURES_PER_ACCOUNT: "1" } });
  });
  afterAll(() => t.close());

  it("answers 401 without the token, with another one, or with a session-like cookie", async () => {
    for (const headers of [
      {},
      { authorization: "Bearer wrong-token-0123456789abcdef" },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: TOKEN },
      { cookie: "sid=anything" },
    ]) {
      const response = await t.app.inject({ method: "GET", url: "/metrics", headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(response.headers["www-authenticate"]).toBe('Bearer realm="metrics"');
      expect(response.json()).toMatchObject({ error: { code: "unauthenticated" } });
      expect(response.body).not.toContain("extranet_");
    }
  });

  it("serves Prometheus text with the named metrics, requests labelled by route pattern", async () => {
    const sweeper = startSlaSweeper(t.ctx, () => {});
    await call(t.app, "GET", "/api/v1/app");
    await call(t.app, "GET", "/api/v1/tickets/4242");
    // One failure allowed per account: the next two are throttled (429).
    for (const expected of [401, 429, 429]) {
      const login = await call(t.app, "POST", "/api/v1/auth/login", {
        email: "ninguem@example.com",
        password: "errada",
      });
      expect(login.statusCode).toBe(expected);
    }
    const response = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { host: TEST_HOST, authorization: `Bearer ${TOKEN}` },
    });
    sweeper.stop();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheus(response.body);
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      "extranet_http_request_duration_seconds_bucket",
      "extranet_http_request_duration_seconds_count",
      "extranet_live_event_streams",
      "extranet_outbox_waiting",
      "extranet_outbox_oldest_age_seconds",
      "extranet_webhook_deliveries_waiting",
      "extranet_sla_sweeper_lag_seconds",
      "extranet_login_throttled_total",
      "extranet_metrics_database_up",
      "process_cpu_user_seconds_total",
      "nodejs_eventloop_lag_seconds",
    ]) {
      expect(names.has(name), name).toBe(true);
    }
    if (t.ctx.connection.dialect === "postgres") {
      expect(names.has("extranet_db_pool_in_use")).toBe(true);
      expect(names.has("extranet_db_pool_waiting")).toBe(true);
    }
    const counts = samples.filter((s) => s.name === "extranet_http_request_duration_seconds_count");
    expect(counts).toContainEqual({
      name: "extranet_http_request_duration_seconds_count",
      labels: { route: "/api/v1/app", method: "GET", status_class: "2xx" },
      value: 1,
    });
    // The pattern, never the URL with its ticket number.
    expect(counts.some((s) => s.labels.route === "/api/v1/tickets/:number")).toBe(true);
    // Only label values are checked: a duration's digits may hold "4242" by chance.
    const labelValues = samples.flatMap((s) => Object.values(s.labels));
    expect(labelValues).toContain("/api/v1/tickets/:number");
    expect(labelValues.filter((value) => value.includes("4242"))).toEqual([]);
    expect(samples).toContainEqual({
      name: "extranet_login_throttled_total",
      labels: { kind: "login" },
      value: 2,
    });
    expect(samples.find((s) => s.name === "extranet_metrics_database_up")?.value).toBe(1);
    expect(samples.find((s) => s.name === "extranet_outbox_waiting")?.value).toBe(0);
  });
});

describe("extranet_live_event_streams", () => {
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { METRICS_TOKEN: TOKEN } });
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
    await t.ctx.live.ready();
  });
  afterAll(() => t.close());

  const streams = async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return parsePrometheus(response.body).find((s) => s.name === "extranet_live_event_streams")?.value;
  };

  it("counts the streams open in this process", async () => {
    expect(await streams()).toBe(0);
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const clients = [
      await connectSse(`${origin}/api/v1/events`, cookie),
      await connectSse(`${origin}/api/v1/events`, cookie),
    ];
    for (const client of clients) await client.next((m) => m.event === "ready");
    expect(await streams()).toBe(2);
    clients[0]?.close();
    await expect.poll(streams, { timeout: 5_000 }).toBe(1);
    clients[1]?.close();
  });
});
