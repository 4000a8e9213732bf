// `extranet serve` on SQLite: seeds the demo once, answers /health, and drains in-flight requests on SIGTERM.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { DEMO_PASSWORD, demoCompanies } from "../../src/server/seed/demo-data";
import { connectSse } from "../support/sse";
import { login, type ServerProcess, startServer, waitForOutput } from "./server";
import { countRows, databaseFile } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, sleep, waitFor } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

async function stop(server: ServerProcess): Promise<number | null> {
  server.child.kill("SIGTERM");
  return (await within(server.exited, 10_000, "the server to exit")).code;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    sleep(ms).then(() => Promise.reject(new Error(`timed out after ${ms} ms waiting for ${what}`))),
  ]);
}

/** A request on a new connection: its status, or "refused" when nothing listens any more. */
function tryNewRequest(port: number): Promise<number | "refused" | "no answer"> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/health", agent: false, timeout: 3_000 });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => {
      request.destroy();
      resolve("no answer");
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "ECONNREFUSED" || error.code === "ECONNRESET" ? "refused" : "no answer"),
    );
  });
}

// Child processes share the CPU with each other (and with other suites): generous, bounded time.
describe.concurrent("extranet serve", { timeout: 60_000 }, () => {
  it("seeds the demo on a fresh dir, answers /health, and does not seed again on restart", async () => {
    const dataDir = freshDataDir();

    const first = await startServer({ EXTRANET_DATA_DIR: dataDir });

    expect(first.stdout()).toContain(`Demo logins (password for all: ${DEMO_PASSWORD})`);
    expect(first.stdout()).toContain("renata.albuquerque@uno.com.br");
    const health = await fetch(`${first.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "sqlite" });
    expect(await stop(first)).toBe(0);

    const second = await startServer({ EXTRANET_DATA_DIR: dataDir });

    expect(second.stdout()).not.toContain("Demo logins");
    expect((await login(second, "renata.albuquerque@uno.com.br", DEMO_PASSWORD)).status).toBe(200);
    expect(await stop(second)).toBe(0);
    expect(countRows(databaseFile(dataDir), "company")).toBe(demoCompanies.length);
  });

  it("on SIGTERM finishes a request already in flight, refuses new ones, then exits 0", async () => {
    const server = await startServer({ EXTRANET_DATA_DIR: freshDataDir(), EXTRANET_SEED_DEMO: "false" });
    const body = JSON.stringify({ email: "nobody@example.com", password: "not the password" });
    const half = Math.floor(body.length / 2);
    const socket = net.connect(server.port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("utf8");
    });
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));

    socket.write(
      [
        "POST /api/v1/auth/login HTTP/1.1",
        `Host: 127.0.0.1:${server.port}`,
        `Origin: http://127.0.0.1:${server.port}`,
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "",
        body.slice(0, half),
      ].join("\r\n"),
    );
    // Fastify logs the request once its headers are in: from here on it is in flight.
    await waitForOutput(server, /"url":"\/api\/v1\/auth\/login".*"msg":"incoming request"/);
    server.child.kill("SIGTERM");
    await waitForOutput(server, /shutting down: draining in-flight requests/);

    const newcomer = await tryNewRequest(server.port);
    expect(newcomer === "refused" || newcomer === 503).toBe(true);

    socket.write(body.slice(half));
    await waitFor(
      () => /\r\n\r\n\{.*\}$/s.test(received),
      10_000,
      () => `the in-flight response (got: ${JSON.stringify(received)})`,
    );
    expect(received).toMatch(/^HTTP\/1\.1 401 /);
    const json: unknown = JSON.parse(received.slice(received.indexOf("\r\n\r\n") + 4));
    expect(json).toMatchObject({ error: { code: "auth.invalid_credentials" } });

    const exit = await within(server.exited, 5_000, "the server to exit after draining");
    expect(exit).toEqual({ code: 0, signal: null });
    await within(closed, 1_000, "the server to close the drained connection");
  });

  it("on SIGTERM ends open live-event streams, so that it still exits promptly", async () => {
    const server = await startServer({ EXTRANET_DATA_DIR: freshDataDir() });
    const cookie = await signIn(server.baseUrl, {
      email: "juliana.prado@uno.com.br",
      password: DEMO_PASSWORD,
    });
    const stream = await connectSse(`${server.baseUrl}/api/v1/events`, cookie);
    try {
      expect(stream.status).toBe(200);
      await stream.next((m) => m.event === "ready");
      expect(await stop(server)).toBe(0);
    } finally {
      stream.close();
    }
  });
});
