// The data the ticket scenarios need: the demo seed plus `extranet generate` (100 000 tickets across
// 200 companies by default; BENCH_TICKETS and BENCH_COMPANIES change them, BENCH_HISTORY=aged the
// generator's history), written through the real CLI before the server starts.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { POSTGRES_TEMPLATE } from "./database";
import { REPO_ROOT } from "./paths";

export const GENERATED_TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
/**
 * About 500 tickets a company whatever the volume (200 companies at 100 000, 2 000 at 1 000 000): a
 * company's pages stay alike, so that comparing volumes measures the cost of the whole help desk's size.
 */
export const GENERATED_COMPANIES = Number(
  process.env.BENCH_COMPANIES ?? Math.max(1, Math.round(GENERATED_TICKETS / 500)),
);
/**
 * How the tickets' lives are spread (`extranet generate --history`): `uniform` by default, 3 in 7 open
 * at any age, the data every earlier figure and goal was measured on (a heavier queue than a real
 * desk's); `aged` a real desk's few open tickets, the newest.
 */
export const GENERATED_HISTORY = process.env.BENCH_HISTORY ?? "uniform";
if (GENERATED_HISTORY !== "aged" && GENERATED_HISTORY !== "uniform")
  throw new Error(`BENCH_HISTORY must be aged or uniform, not ${GENERATED_HISTORY}`);

/** The first generated company's admin; `extranet generate` gives every generated user this password. */
export const GENERATED_CUSTOMER = {
  email: "usuario1.empresa1@sintetica.example.com",
  password: "extranet-bench",
};

async function cli(args: string[], env: Record<string, string>, log: (line: string) => void): Promise<void> {
  log(`extranet ${args.join(" ")}`);
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "bin/extranet.mjs"), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: "warn" },
    // Progress goes to stderr, which is the bench's log; stdout is kept for the report.
    stdio: ["ignore", 2, 2],
  });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`extranet ${args[0] ?? ""} failed (exit code ${String(code)})`);
}

/**
 * BENCH_SQLITE_TEMPLATE names a SQLite file that already holds the demo seed and the generated tickets
 * (a data folder's `extranet.sqlite` after `extranet seed-demo` and `extranet generate` with the same
 * BENCH_TICKETS and BENCH_COMPANIES, no server running on it): each run works on a copy of it.
 */
const SQLITE_TEMPLATE = process.env.BENCH_SQLITE_TEMPLATE || undefined;

export async function generateTickets(
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  if (env.DATABASE_URL && POSTGRES_TEMPLATE) {
    log(`tickets: copied from the database ${POSTGRES_TEMPLATE} (BENCH_PG_TEMPLATE), not generated`);
    return;
  }
  if (!env.DATABASE_URL && SQLITE_TEMPLATE && env.EXTRANET_DATA_DIR) {
    await mkdir(env.EXTRANET_DATA_DIR, { recursive: true });
    // The file alone: a template with a write-ahead log beside it was not closed cleanly.
    await copyFile(SQLITE_TEMPLATE, path.join(env.EXTRANET_DATA_DIR, "extranet.sqlite"));
    log(`tickets: copied from ${SQLITE_TEMPLATE} (BENCH_SQLITE_TEMPLATE), not generated`);
    return;
  }
  await cli(["seed-demo"], env, log);
  await cli(
    [
      "generate",
      "--tickets",
      String(GENERATED_TICKETS),
      "--companies",
      String(GENERATED_COMPANIES),
      "--history",
      GENERATED_HISTORY,
    ],
    env,
    log,
  );
}
