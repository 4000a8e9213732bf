// Process-level test helpers: build the bundled CLI when stale, run it in a fresh data dir, reap children.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundle = path.join(repoRoot, "dist/server/main.mjs");
const cliEntry = path.join(repoRoot, "bin/extranet.mjs");
// Everything the server bundle imports (the web app is built separately).
const bundledSources = ["src/server", "src/contracts", "src/i18n", "src/domain"];
// Test files run in parallel workers: one builds, the others wait, so no one reads a half-written bundle.
const buildLock = path.join(os.tmpdir(), "extranet-cli-build.lock");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function bundleIsFresh(): boolean {
  if (!fs.existsSync(bundle)) return false;
  const sources = Math.max(...bundledSources.map((dir) => newestMtime(path.join(repoRoot, dir))));
  return fs.statSync(bundle).mtimeMs >= sources;
}

async function acquireBuildLock(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      fs.mkdirSync(buildLock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a killed run must not block every later run.
      const lock = fs.statSync(buildLock, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 60_000) fs.rmSync(buildLock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${buildLock}`);
      await sleep(100);
    }
  }
}

let built: Promise<void> | undefined;

/** Runs `npm run build:server` once if dist/server/main.mjs is missing or older than its sources. */
export function ensureBuilt(): Promise<void> {
  built ??= (async () => {
    if (bundleIsFresh()) return;
    await acquireBuildLock();
    try {
      if (!bundleIsFresh()) execFileSync("npm", ["run", "build:server"], { cwd: repoRoot, stdio: "pipe" });
    } finally {
      fs.rmSync(buildLock, { recursive: true, force: true });
    }
  })();
  return built;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` until it holds; fails after `timeoutMs` with `describe()` saying what was awaited. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await sleep(20);
  }
}

const tempDirs: string[] = [];

/** A fresh EXTRANET_DATA_DIR, removed by cleanUp(). */
export function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-cli-"));
  tempDirs.push(dir);
  return dir;
}

/** A fresh data dir holding a copy of `template`'s files: set-up done once, a clean database per test. */
export function copyOfDataDir(template: string): string {
  const dir = freshDataDir();
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** The test runner's environment minus anything that would configure the server behind our back. */
export function cliEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const configures = /^(PORT|HOST|DATABASE_URL|LOG_LEVEL|TRUST_PROXY|NODE_OPTIONS)$|^EXTRANET_/.test(key);
    if (!configures) env[key] = value;
  }
  return { ...env, ...overrides };
}

const children = new Set<ChildProcess>();

/** Who the child runs as (root tests run some commands as `nobody`, for whom permissions hold). */
export interface RunAs {
  uid?: number;
  gid?: number;
}

/** Starts `node bin/extranet.mjs <args>`; the child is killed by cleanUp() if still running. */
export function spawnCli(args: string[], env: Record<string, string>, runAs: RunAs = {}): ChildProcess {
  const child = spawn(process.execPath, [cliEntry, ...args], {
    cwd: repoRoot,
    env: cliEnv(env),
    stdio: ["pipe", "pipe", "pipe"],
    ...runAs,
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one command to completion; `stdin` is written then closed (always closed, so nothing waits on it). */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string; timeoutMs?: number; runAs?: RunAs } = {},
): Promise<CliResult> {
  const child = spawnCli(args, env, options.runAs);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  child.stdin?.end(options.stdin ?? "");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`extranet ${args.join(" ")} did not finish\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Kills every child still running and removes the temp dirs; afterAll, as a file's tests run concurrently. */
export async function cleanUp(): Promise<void> {
  const exits = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  );
  await Promise.all(exits);
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
