// Folds the rounds of one scenario into one set of figures: the median resists a noisy neighbour.
import type { Figures } from "./types";

export function medianFigures(rounds: Figures[]): Figures {
  const cpu = rounds.flatMap((figures) => (figures.serverCpuUs === undefined ? [] : [figures.serverCpuUs]));
  const databaseCpu = rounds.flatMap((figures) =>
    figures.databaseCpuUs === undefined ? [] : [figures.databaseCpuUs],
  );
  return {
    requestsPerSecond: median(rounds.map((figures) => figures.requestsPerSecond)),
    p99Ms: median(rounds.map((figures) => figures.p99Ms)),
    ...(cpu.length > 0 && { serverCpuUs: median(cpu) }),
    ...(databaseCpu.length > 0 && { databaseCpuUs: median(databaseCpu) }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}
