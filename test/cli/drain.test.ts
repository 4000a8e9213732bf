// Graceful drain of `extranet serve` on SIGTERM, with SHUTDOWN_DRAIN_SECONDS: at once not ready
// (/health/ready 503) while still alive (/health/live 200), new requests answered 503 Retry-After in
// the reader's language, an idle kept-alive connection closed (not reset), the request in flight
// answered, then the process exits 0, no sooner than the drain delay.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, waitForOutput } from "./server";
import { cleanUp, ensureBuilt, freshDataDir, sleep, waitFor } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

/** A raw connection that records what it receives and how it ended. */
async function rawConnection(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  const state = { received: "", error: undefined as NodeJS.ErrnoException | undefined, closed: false };
  socket.on("data", (chunk: Buffer) => {
    state.received += chunk.toString("utf8");
  });
  socket.on("error", (error: NodeJS.ErrnoException) => {
    state.error = error;
  });
  const closed = new Promise<void>((resolve) =>
    socket.once("close", () => {
      state.closed = true;
      resolve();
    }),
  );
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return { socket, state, closed };
}

describe("extranet serve drains on SIGTERM", { timeout: 60_000 }, () => {
  it("not ready, 503 Retry-After to newcomers, idle sockets closed, the request in flight answered, exit 0", async () => {
    const server = await startServer({
      EXTRANET_DATA_DIR: freshDataDir(),
      EXTRANET_SEED_DEMO: "false",
      SHUTDOWN_DRAIN_SECONDS: "2",
    });
    const host = `127.0.0.1:${server.port}`;

    // A kept-alive connection, idle after one answered request.
    const idle = await rawConnection(server.port);
    idle.socket.write(`GET /health/live HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    await waitFor(
      () => idle.state.received.includes('{"status":"ok"}'),
      10_000,
      () => `the first answer on the kept-alive connection: ${idle.state.received}`,
    );
    expect(idle.state.received).toMatch(/^HTTP\/1\.1 200/);
    expect(idle.state.received.toLowerCase()).toContain("connection: keep-alive");

    // A request in flight: its headers in, half of its body still to come.
    const body = JSON.stringify({ email: "nobody@example.com", password: "not the password" });
    const half = Math.floor(body.length / 2);
    const inFlight = await rawConnection(server.port);
    inFlight.socket.write(
      [
        "POST /api/v1/auth/login HTTP/1.1",
        `Host: ${host}`,
        `Origin: http://${host}`,
        "Content-Type: application/json",
        "Accept-Language: pt-BR",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "",
        body.slice(0, half),
      ].join("\r\n"),
    );
    await waitForOutput(server, /"url":"\/api\/v1\/auth\/login".*"msg":"incoming request"/);

    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    await waitForOutput(server, /shutting down: draining in-flight requests/);

    // Not ready, still alive.
    const ready = await fetch(`${server.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "draining", database: "sqlite" });
    const live = await fetch(`${server.baseUrl}/health/live`);
    expect(live.status).toBe(200);

    // A newcomer: 503, Retry-After, the contract's error in the reader's language, connection closed.
    const newcomer = await fetch(`${server.baseUrl}/api/v1/app`, { headers: { "accept-language": "pt-BR" } });
    expect(newcomer.status).toBe(503);
    expect(newcomer.headers.get("retry-after")).toBe("2");
    expect(newcomer.headers.get("connection")).toBe("close");
    expect(await newcomer.json()).toEqual({
      error: {
        code: "shutting_down",
        message: "O servidor está reiniciando. Tente novamente em alguns segundos.",
      },
    });

    // The idle kept-alive connection was closed by the server, not reset.
    await idle.closed;
    expect(idle.state.error).toBeUndefined();

    // The request in flight is still answered once its body arrives (during the drain delay).
    await sleep(300);
    expect(inFlight.state.closed).toBe(false);
    inFlight.socket.write(body.slice(half));
    await inFlight.closed;
    expect(inFlight.state.error).toBeUndefined();
    expect(inFlight.state.received).toMatch(/^HTTP\/1\.1 401/);
    expect(inFlight.state.received.toLowerCase()).toContain("connection: close");

    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(2_000);
    const output = server.stdout();
    expect(output.indexOf("listener closed: stopping the workers")).toBeGreaterThan(
      output.search(/"url":"\/api\/v1\/app"/),
    );
    expect(output).toContain('"msg":"closed"');
  });
});
