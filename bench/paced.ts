// Latency under a load the server keeps up with: requests sent at a fixed rate (one every 1/rate s,
// open loop) on at most `connections` keep-alive connections, each timed from the moment it was due.
// A request that waits for a free connection or a busy server counts that wait, so a stall shows in
// the p99 in full (no coordinated omission). autocannon's overallRate cannot do this: it sends each
// second's quota in a burst at the start of the second, and measures the burst's queue.
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { HttpTarget } from "./types";

export interface PacedFigures {
  p99Ms: number;
  requestsPerSecond: number;
}

export async function pacedLoad(
  origin: string,
  target: HttpTarget,
  options: { rate: number; durationSeconds: number; connections: number },
): Promise<PacedFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const interval = 1000 / options.rate;
  const url = new URL(target.path, origin);
  const latencies: number[] = [];
  const refused: string[] = [];
  let finished = 0;
  let lastEnd = 0;
  const start = performance.now();

  const send = (due: number, done: () => void) => {
    const request = http.request(
      url,
      { agent, method: target.method ?? "GET", headers: target.headers ?? {} },
      (response) => {
        response.resume();
        response.on("end", () => {
          const end = performance.now();
          if ((response.statusCode ?? 0) >= 300) refused.push(String(response.statusCode));
          else latencies.push(end - due);
          lastEnd = end;
          done();
        });
      },
    );
    request.on("error", (error) => {
      refused.push(error.message);
      done();
    });
    request.end(target.body);
  };

  try {
    await new Promise<void>((resolve) => {
      let sent = 0;
      const done = () => {
        finished += 1;
        if (finished === total) resolve();
      };
      const tick = () => {
        const now = performance.now();
        // Every request due by now goes out now, each timed from when it was due.
        while (sent < total && start + sent * interval <= now) {
          send(start + sent * interval, done);
          sent += 1;
        }
        if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
      };
      tick();
    });
  } finally {
    agent.destroy();
  }
  if (refused.length > 0) {
    const counts = new Map<string, number>();
    for (const reason of refused) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    const summary = [...counts].map(([reason, count]) => `${reason}×${count}`).join(", ");
    throw new Error(`${target.path} paced: ${refused.length} of ${total} requests failed (${summary})`);
  }
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p99Ms: sorted[Math.ceil(sorted.length * 0.99) - 1] ?? 0,
    requestsPerSecond: (latencies.length * 1000) / (lastEnd - start),
  };
}
