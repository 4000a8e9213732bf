import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { loginAs, makeUser } from "../../../test/support/factories";
import { connectSse } from "../../../test/support/sse";
import { ConfigError, loadConfig } from "../config";

const TIMEOUT_S = 1;

/**
 * Opens a raw connection, sends `text`, then one more byte of `trickle` every 250 ms (so that the
 * connection is never idle); resolves with what came back and when the server closed it.
 */
function rawRequest(port: number, text: string, giveUpMs: number, trickle = "") {
  return new Promise<{ closedAfterMs: number | null; received: string }>((resolve) => {
    const started = Date.now();
    let received = "";
    let sent = 0;
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    const dripping = setInterval(() => {
      if (trickle && !socket.destroyed) socket.write(trickle[sent++ % trickle.length] ?? "x");
    }, 250);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closedAfterMs: null, received });
    }, giveUpMs);
    socket.on("close", () => {
      clearTimeout(timer);
      clearInterval(dripping);
      resolve({ closedAfterMs: Date.now() - started, received });
    });
    socket.on("error", () => {});
  });
}

// Stalled clients are cut off; the live stream, a long response to a complete request, is not.
describe("request timeouts", () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        HTTP_HEADERS_TIMEOUT_SECONDS: String(TIMEOUT_S),
        HTTP_REQUEST_TIMEOUT_SECONDS: String(TIMEOUT_S),
        HTTP_IDLE_TIMEOUT_SECONDS: String(TIMEOUT_S),
        HTTP_KEEP_ALIVE_SECONDS: String(TIMEOUT_S),
      },
    });
    port = new URL(await t.app.listen({ port: 0, host: "127.0.0.1" })).port as unknown as number;
  });
  afterAll(() => t.close());

  it("closes a connection that sends half a request's headers and trickles the rest (408)", async () => {
    const half = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    const result = await rawRequest(port, half, 10_000, "abcdefghijklmnopqrstuvwxyz");
    expect(result.closedAfterMs).not.toBeNull();
    // The timeout, plus at most the 1 s between Node's checks, plus slack for a busy machine.
    expect(result.closedAfterMs).toBeLessThan(TIMEOUT_S * 1000 + 2_500);
    expect(result.received).toMatch(/^HTTP\/1\.1 408/);
  });

  it("closes a connection whose body never finishes", async () => {
    // Without a byte more after half the body: the idle timeout or the request timeout, whichever first.
    const result = await rawRequest(
      port,
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
      10_000,
    );
    expect(result.closedAfterMs).not.toBeNull();
    expect(result.closedAfterMs).toBeLessThan(TIMEOUT_S * 1000 + 2_500);
  });

  it("closes a connection that never says anything", async () => {
    const result = await rawRequest(port, "", 10_000);
    expect(result.closedAfterMs).not.toBeNull();
    expect(result.closedAfterMs).toBeLessThan(TIMEOUT_S * 1000 + 2_500);
  });

  it("keeps a live stream open well past every timeout", async () => {
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const stream = await connectSse(`http://127.0.0.1:${port}/api/v1/events`, cookie);
    try {
      expect(stream.status).toBe(200);
      await stream.next((m) => m.event === "ready");
      // No heartbeat comes within this time (one every 20 s): the stream is silent all along.
      expect(await stream.endsWithin(TIMEOUT_S * 1000 * 4)).toBe(false);
    } finally {
      stream.close();
    }
  });
});

describe("timeout settings", () => {
  it("refuse a headers timeout longer than the request's, naming the variable", () => {
    const load = () => loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: "30", HTTP_REQUEST_TIMEOUT_SECONDS: "10" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/HTTP_HEADERS_TIMEOUT_SECONDS/);
  });

  it("default to 20 s for headers, 120 s for a request, 60 s idle and 65 s kept alive", () => {
    expect(loadConfig({}).http).toEqual({
      headersMs: 20_000,
      requestMs: 120_000,
      idleMs: 60_000,
      keepAliveMs: 65_000,
    });
  });
});
