// Puts one HTTP target under load with autocannon, from the bench's own process, and reads the figures.
import autocannon, { type Options } from "autocannon";
import { cpuMicroseconds, databaseCpuMicroseconds } from "./process-cpu";
import type { Figures, HttpTarget, LoadSettings } from "./types";

export async function loadTest(
  server: { origin: string; pids: (number | undefined)[]; databaseName?: string | undefined },
  target: HttpTarget,
  settings: LoadSettings,
): Promise<Figures> {
  const options: Options = {
    url: `${server.origin}${target.path}`,
    method: target.method ?? "GET",
    headers: target.headers ?? {},
    ...(target.body !== undefined && { body: target.body }),
    connections: settings.connections,
    pipelining: settings.pipelining,
  };
  // A warm-up of its own rather than autocannon's option, so that the CPU reading excludes it.
  await autocannon({ ...options, duration: settings.warmupSeconds });
  const cpuBefore = await cpuMicroseconds(server.pids);
  const databaseCpuBefore = await databaseCpuMicroseconds(server.databaseName);
  const result = await autocannon({ ...options, duration: settings.durationSeconds });
  const cpuAfter = await cpuMicroseconds(server.pids);
  const databaseCpuAfter = await databaseCpuMicroseconds(server.databaseName);
  // A 401 or a 500 is answered faster than the real thing: such figures would flatter the server.
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = Object.entries(result.statusCodeStats)
      .map(([code, { count }]) => `${code}×${count}`)
      .join(", ");
    throw new Error(
      `${target.path}: ${result.non2xx} non-2xx responses (${codes}), ${result.errors} errors (${result.timeouts} timeouts)`,
    );
  }
  const serverCpuUs =
    cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
      ? undefined
      : (cpuAfter - cpuBefore) / result.requests.total;
  const databaseCpuUs =
    databaseCpuBefore === undefined || databaseCpuAfter === undefined || result.requests.total === 0
      ? undefined
      : (databaseCpuAfter - databaseCpuBefore) / result.requests.total;
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    ...(serverCpuUs !== undefined && { serverCpuUs }),
    ...(databaseCpuUs !== undefined && { databaseCpuUs }),
  };
}
