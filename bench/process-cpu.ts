// CPU time a child process has used, read from Linux's /proc: a per-request cost that other load
// on the machine barely moves, unlike requests/s.
import { readdir, readFile } from "node:fs/promises";

// USER_HZ: the unit of /proc/<pid>/stat times; 100 on every mainstream Linux build.
const TICKS_PER_SECOND = 100;

/**
 * User + system CPU of the processes in microseconds, summed (a server of several processes behind a
 * load balancer); undefined where /proc is not available.
 */
export async function cpuMicroseconds(
  pids: number | undefined | readonly (number | undefined)[],
): Promise<number | undefined> {
  const list = Array.isArray(pids) ? pids : [pids];
  if (list.length === 0) return undefined;
  let total = 0;
  for (const pid of list) {
    const cpu = await processCpu(pid);
    if (cpu === undefined) return undefined;
    total += cpu;
  }
  return total;
}

async function processCpu(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; the fields after it are space-separated.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime), counted from the state field as 3.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/**
 * User + system CPU, in microseconds, of the local PostgreSQL backends connected to `database` (their
 * process title names it); undefined where /proc is not available. Backends that exit between two
 * readings drop out of the sum, so read it around a window in which the servers' pools stay open.
 */
export async function databaseCpuMicroseconds(database: string | undefined): Promise<number | undefined> {
  if (database === undefined) return undefined;
  let entries: string[];
  try {
    entries = await readdir("/proc");
  } catch {
    return undefined;
  }
  let total = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const title = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (!title.startsWith("postgres: ") || !title.replaceAll("\0", " ").includes(` ${database} `)) continue;
    total += (await processCpu(Number(entry))) ?? 0;
  }
  return total;
}
