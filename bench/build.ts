// Makes sure dist/server/main.mjs exists and is not older than the sources it is bundled from.
import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths";

const BUNDLE = path.join(REPO_ROOT, "dist/server/main.mjs");
const SOURCES = path.join(REPO_ROOT, "src");
// The web client is bundled separately; its changes do not make the server stale.
const CLIENT_ONLY = path.join(SOURCES, "web");

/** Runs `npm run build:server` when the bundle is missing or stale: a stale one would measure old code. */
export async function ensureServerBuilt(log: (line: string) => void): Promise<void> {
  const reason = staleness();
  if (!reason) return;
  log(`building the server (${reason}): npm run build:server`);
  // The build's own output goes to stderr: stdout is kept for the report.
  const build = spawn("npm", ["run", "build:server"], { cwd: REPO_ROOT, stdio: ["ignore", 2, 2] });
  const [code] = await once(build, "exit");
  if (code !== 0) throw new Error(`npm run build:server failed (exit code ${String(code)})`);
}

function staleness(): string | undefined {
  if (!fs.existsSync(BUNDLE)) return "dist/server/main.mjs is missing";
  const builtAt = fs.statSync(BUNDLE).mtimeMs;
  const newer = fs
    .readdirSync(SOURCES, { recursive: true, encoding: "utf8" })
    .map((file) => path.join(SOURCES, file))
    .find((file) => !file.startsWith(CLIENT_ONLY) && fs.statSync(file).mtimeMs > builtAt);
  return newer ? `${path.relative(REPO_ROOT, newer)} is newer than the bundle` : undefined;
}
