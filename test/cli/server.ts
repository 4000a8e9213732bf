// Runs `extranet serve` as a child process on a free port and waits for it to answer /health.
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { sleep, spawnCli, waitFor } from "./support";

export interface ServerProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A port nobody listens on right now: the OS picks it for a throwaway listener. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}

/** Spawns `serve` on 127.0.0.1 and `port` (a free one if absent); `env` adds to (or overrides) the defaults. */
export async function spawnServer(env: Record<string, string>, chosenPort?: number): Promise<ServerProcess> {
  const port = chosenPort ?? (await freePort());
  // No drain delay unless a test asks for one: stopping a server takes no extra seconds.
  const child = spawnCli(["serve"], {
    HOST: "127.0.0.1",
    PORT: String(port),
    SHUTDOWN_DRAIN_SECONDS: "0",
    ...env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
  };
}

/** Polls GET /health until it answers 200; fails early if the process exits first. */
export async function waitUntilHealthy(server: ServerProcess, timeoutMs = 20_000): Promise<void> {
  let exit: { code: number | null } | undefined;
  void server.exited.then((result) => {
    exit = result;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) {
      throw new Error(`serve exited with ${exit.code} before it was healthy\nstderr: ${server.stderr()}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(
    `serve was not healthy within ${timeoutMs} ms\nstdout: ${server.stdout()}\nstderr: ${server.stderr()}`,
  );
}

/** Starts `serve` and waits until it is healthy. */
export async function startServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const server = await spawnServer(env, port);
  await waitUntilHealthy(server);
  return server;
}

/** Waits until the output (stdout, where the JSON log goes) matches `pattern`. */
export function waitForOutput(server: ServerProcess, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  return waitFor(
    () => pattern.test(server.stdout()),
    timeoutMs,
    () => `${pattern} in the output:\n${server.stdout()}`,
  );
}

/** Signs in over HTTP the way the portal does (same-origin POST). */
export function login(server: ServerProcess, email: string, password: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
}
