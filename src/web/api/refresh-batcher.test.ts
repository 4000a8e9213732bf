import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRefreshBatcher } from "./refresh-batcher";

describe("createRefreshBatcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gathers the keys of a burst and refreshes each once, after the delay and its jitter", () => {
    const refreshed: unknown[][] = [];
    const batcher = createRefreshBatcher((keys) => refreshed.push(keys), {
      minDelayMs: 200,
      jitterMs: 1000,
      random: () => 0.5,
    });
    batcher.soon([["console"], ["tickets", "list"]]);
    vi.advanceTimersByTime(300);
    batcher.soon([["console"], ["notifications"]]);
    vi.advanceTimersByTime(399);
    expect(refreshed).toEqual([]);
    vi.advanceTimersByTime(1); // 200 + 0.5 × 1000 after the first key
    expect(refreshed).toEqual([[["console"], ["tickets", "list"], ["notifications"]]]);
    // The next burst starts a new window.
    batcher.soon([["console"]]);
    vi.advanceTimersByTime(700);
    expect(refreshed).toHaveLength(2);
  });

  it("refreshes an open ticket at once, and drops what is pending when cancelled", () => {
    const refreshed: unknown[][] = [];
    const batcher = createRefreshBatcher((keys) => refreshed.push(keys), { minDelayMs: 200, jitterMs: 0 });
    batcher.now([["tickets", "one", 1042]]);
    expect(refreshed).toEqual([[["tickets", "one", 1042]]]);
    batcher.soon([["console"]]);
    batcher.cancel();
    vi.advanceTimersByTime(1000);
    expect(refreshed).toHaveLength(1);
  });
});
