import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TEST_HOST, type TestApp } from "../../../../test/support/app";
import { opsOf } from "../../ops-state";

describe("GET /health", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("answers 200 and names the database when it is reachable", async () => {
    const response = await t.app.inject({ method: "GET", url: "/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: t.ctx.connection.dialect });
  });

  it("answers 503 once the database is gone", async () => {
    const other = await buildTestApp();
    await other.ctx.db.destroy();
    const response = await other.app.inject({ method: "GET", url: "/health" });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: "unavailable" });
    await other.app.close();
    await other.database.drop();
  });
});

describe("GET /health/live and /health/ready", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("live answers 200; ready answers 200 once migrated and the database answers", async () => {
    const live = await t.app.inject({ method: "GET", url: "/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ method: "GET", url: "/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok", database: t.ctx.connection.dialect });
  });

  it("no cookie, no token, no SPA: the probes answer without authentication, and an unknown one is a 404", async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-web-"));
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>app</title>");
    const withSpa = await buildTestApp({ webRoot });
    const app = withSpa.app;
    for (const url of ["/health/live", "/health/ready"]) {
      const response = await app.inject({ method: "GET", url, headers: { cookie: "sid=forged" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
    }
    const unknown = await app.inject({ method: "GET", url: "/health/nothing" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toMatch(/^application\/json/);
    await withSpa.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it("ready answers 503 while the database is gone, live still 200", async () => {
    const other = await buildTestApp();
    await other.ctx.db.destroy();
    const ready = await other.app.inject({ method: "GET", url: "/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: "unavailable" });
    expect((await other.app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
    await other.app.close();
    await other.database.drop();
  });

  it("ready answers 503 while migrations are missing", async () => {
    const other = await buildTestApp();
    await other.ctx.db.deleteFrom("kysely_migration" as never).execute();
    const ready = await other.app.inject({ method: "GET", url: "/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: "migrating" });
    await other.close();
  });

  it("while draining: ready 503, live 200, other requests 503 with Retry-After in the reader's language", async () => {
    const other = await buildTestApp({ env: { SHUTDOWN_DRAIN_SECONDS: "3" } });
    opsOf(other.ctx).draining = true;
    const ready = await other.app.inject({ method: "GET", url: "/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: "draining" });
    expect((await other.app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
    const api = await other.app.inject({
      method: "GET",
      url: "/api/v1/app",
      headers: { host: TEST_HOST, "accept-language": "en" },
    });
    expect(api.statusCode).toBe(503);
    expect(api.headers["retry-after"]).toBe("3");
    expect(api.headers.connection).toBe("close");
    expect(api.json()).toEqual({
      error: { code: "shutting_down", message: "The server is restarting. Try again in a few seconds." },
    });
    await other.close();
  });
});
