// Folds the rounds of one scenario into one set of figures: the median resists a noisy neighbour.
import type { Figures } from "./types";

export function medianFigures(rounds: Figures[]): Figures {
  const cpu = rounds.flatMap((figures) => (figures.serverCpuUs === undefined ? [] : [figures.serverCpuUs]));
  const databaseCpu = rounds.flatMap((figures) =>
    figures.databaseCpuUs === undefined ? [] : [figures.databaseCpuUs],
  );
  const pacedP99 = rounds.flatMap((figures) =>
    figures.pacedP99Ms === undefined ? [] : [figures.pacedP99Ms],
  );
  const pacedRate = rounds.flatMap((figures) =>
    figures.pacedRequestsPerSecond === undefined ? [] : [figures.pacedRequestsPerSecond],
  );
  return {
    requestsPerSecond: median(rounds.map((figures) => figures.requestsPerSecond)),
    p99Ms: median(rounds.map((figures) => figures.p99Ms)),
    ...(cpu.length > 0 && { serverCpuUs: median(cpu) }),
    ...(databaseCpu.length > 0 && { databaseCpuUs: median(databaseCpu) }),
    ...(pacedP99.length > 0 && { pacedP99Ms: median(pacedP99) }),
    ...(pacedRate.length > 0 && { pacedRequestsPerSecond: median(pacedRate) }),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/**
 * The median over the rounds of `ratio(round)`, when every series has a figure for each round; else
 * undefined. A round measures every scenario one after the other, so its ratios compare figures taken
 * under the same conditions, which medians taken from different rounds do not.
 */
export function medianOfRounds(
  series: readonly (readonly Figures[] | undefined)[],
  ratio: (round: readonly Figures[]) => number,
): number | undefined {
  const [first] = series;
  if (!first || first.length === 0) return undefined;
  if (series.some((rounds) => rounds?.length !== first.length)) return undefined;
  const ratios = first.map((_, index) => ratio(series.map((rounds) => rounds?.[index] as Figures)));
  if (ratios.some((value) => !Number.isFinite(value))) return undefined;
  return median(ratios);
}
