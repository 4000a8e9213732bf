// One server in a child process of its own, so that it never shares an event loop with the load generator.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./free-port";
import { REPO_ROOT } from "./paths";

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_LINES_KEPT = 30;

export interface ChildServerSpec {
  label: string;
  /** Arguments to `node`, flags first, e.g. ["--import", "tsx", "bench/bare-server.ts"]. */
  nodeArgs: string[];
  env: Record<string, string>;
  /** Polled until it answers 200. */
  readyPath: string;
}

export interface ChildServer {
  origin: string;
  pid: number | undefined;
  /** SIGTERM, then SIGKILL if it has not exited after a grace period. */
  stop: () => Promise<void>;
}

export async function startChildServer(spec: ChildServerSpec): Promise<ChildServer> {
  const port = await freePort(HOST);
  const child = spawn(process.execPath, spec.nodeArgs, {
    cwd: REPO_ROOT,
    // A bench server is stopped only after its measurements: no drain to wait out.
    env: { ...inheritedEnv(), SHUTDOWN_DRAIN_SECONDS: "0", ...spec.env, PORT: String(port), HOST },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = keepTail(child);
  const server: ChildServer = { origin: `http://${HOST}:${port}`, pid: child.pid, stop: () => stop(child) };
  try {
    await waitUntilReady(child, `${server.origin}${spec.readyPath}`);
    return server;
  } catch (error) {
    await server.stop();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${spec.label} server did not start: ${detail}\n${output().join("\n")}`);
  }
}

// The parent's own server settings (say DATABASE_URL in a developer's shell) must not leak into the run.
function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === "DATABASE_URL" || key.startsWith("EXTRANET_")) delete env[key];
  }
  return env;
}

/** The child's last lines of output, shown when it fails; stdout itself stays the report's. */
function keepTail(child: ChildProcess): () => string[] {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return () => lines;
}

async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`it exited (code ${String(child.exitCode ?? child.signalCode)})`);
    if (await answers200(url)) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function stop(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(killer);
}
