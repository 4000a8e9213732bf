// HAProxy in front of several `extranet serve` processes: round robin, health checks on /health, and
// timeouts that let event streams stay open. Shared by `npm run bench -- --nodes 2` and the CLI test.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type ChildServer, type ChildServerSpec, startChildServer } from "./child-server";
import { freePort } from "./free-port";

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 30_000;
/** Where Debian's package installs it; PATH is searched first. */
const CANDIDATES = ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy"];

export interface Haproxy {
  origin: string;
  pid: number | undefined;
  /** Every answer carries this header, naming the backend (`node1`, `node2`…) that served it. */
  servedByHeader: string;
  /** HAProxy's configuration as written, for error messages. */
  config: string;
  stop: () => Promise<void>;
}

export const SERVED_BY_HEADER = "x-served-by";

/** The haproxy binary (`HAPROXY` names one explicitly), or an error saying how to install it. */
export function findHaproxy(): string {
  const explicit = process.env.HAPROXY;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`HAPROXY=${explicit}: no such file`);
    return explicit;
  }
  const fromPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((directory) => path.join(directory, "haproxy"));
  const found = [...fromPath, ...CANDIDATES].find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      "haproxy is not installed (on Debian: apt-get install haproxy); it is needed to run several nodes",
    );
  }
  return found;
}

/** The configuration: `backends` are origins such as http://127.0.0.1:3001. */
export function haproxyConfig(port: number, backends: string[], statsSocket: string): string {
  const servers = backends.map((origin, index) => {
    const url = new URL(origin);
    return `  server node${index + 1} ${url.hostname}:${url.port} check inter 1s fall 2 rise 1`;
  });
  return [
    "global",
    "  maxconn 4096",
    `  stats socket ${statsSocket} mode 600 level admin`,
    "",
    "defaults",
    "  mode http",
    "  timeout connect 5s",
    // Event streams send a heartbeat every 20 s: a minute of silence means the peer is gone.
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout tunnel 1h",
    "  timeout http-request 10s",
    // Shorter than the server's own keep-alive (65 s), so HAProxy never reuses a connection being closed.
    "  timeout http-keep-alive 30s",
    "",
    "frontend extranet",
    `  bind ${HOST}:${port}`,
    "  default_backend nodes",
    "",
    "backend nodes",
    "  balance roundrobin",
    "  option httpchk GET /health",
    "  http-check expect status 200",
    `  http-response set-header ${SERVED_BY_HEADER} %[srv_name]`,
    ...servers,
    "",
  ].join("\n");
}

/** Starts HAProxy on a free port and waits until every backend passes its health check. */
export async function startHaproxy(backends: string[]): Promise<Haproxy> {
  const binary = findHaproxy();
  const directory = await mkdtemp(path.join(os.tmpdir(), "extranet-haproxy-"));
  const port = await freePort(HOST);
  const statsSocket = path.join(directory, "stats.sock");
  const config = haproxyConfig(port, backends, statsSocket);
  const configFile = path.join(directory, "haproxy.cfg");
  await writeFile(configFile, config);
  const child = spawn(binary, ["-f", configFile, "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const stop = async () => {
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
  };
  const proxy: Haproxy = {
    origin: `http://${HOST}:${port}`,
    pid: child.pid,
    servedByHeader: SERVED_BY_HEADER,
    config,
    stop,
  };
  try {
    await waitUntilAllServe(child, proxy, backends.length);
    return proxy;
  } catch (error) {
    await stop();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`haproxy did not start: ${detail}\n${output}`);
  }
}

// Ready when /health through HAProxy has been answered by every backend: all passed their checks.
async function waitUntilAllServe(child: ChildProcess, proxy: Haproxy, count: number): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited (code ${String(child.exitCode ?? child.signalCode)})`);
    }
    try {
      const response = await fetch(`${proxy.origin}/health`);
      await response.arrayBuffer();
      const node = response.headers.get(SERVED_BY_HEADER);
      if (response.status === 200 && node) seen.add(node);
      if (seen.size >= count) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`not every backend answered /health within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(killer);
}

/** Several server processes, behind HAProxy when more than one. */
export interface Cluster {
  /** Where requests go: HAProxy, or the one process. */
  origin: string;
  /** HAProxy's process, or the one server's. */
  pid: number | undefined;
  /** Each process's own origin and pid. */
  nodes: ChildServer[];
  stop: () => Promise<void>;
}

/**
 * Starts `count` processes of `spec` one after the other (the first migrates and seeds, the others find
 * it done), then HAProxy in front of them when there are several; stops what it started if any fails.
 */
export async function startCluster(spec: ChildServerSpec, count: number): Promise<Cluster> {
  const nodes: ChildServer[] = [];
  const stopNodes = () => Promise.all(nodes.map((node) => node.stop())).then(() => undefined);
  try {
    for (let node = 1; node <= count; node++) {
      nodes.push(
        await startChildServer({ ...spec, label: count === 1 ? spec.label : `${spec.label} node ${node}` }),
      );
    }
    const [only] = nodes;
    if (count === 1 && only) return { origin: only.origin, pid: only.pid, nodes, stop: stopNodes };
    const proxy = await startHaproxy(nodes.map((node) => node.origin));
    return {
      origin: proxy.origin,
      pid: proxy.pid,
      nodes,
      stop: async () => {
        await proxy.stop();
        await stopNodes();
      },
    };
  } catch (error) {
    await stopNodes();
    throw error;
  }
}
