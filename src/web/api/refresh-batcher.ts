// Coalesces the refreshes live events ask for. A busy day raises an event every few seconds and every
// open console would refetch its queue and counts at once: each tab gathers the keys named within a
// short window and refetches them once, after a delay with random jitter, so hundreds of consoles
// spread their requests instead of arriving together. A ticket the user has open refreshes at once.

export interface RefreshBatcher {
  /** Refresh these keys now. */
  now(keys: readonly (readonly unknown[])[]): void;
  /** Refresh these keys soon, together with whatever else arrives meanwhile. */
  soon(keys: readonly (readonly unknown[])[]): void;
  /** Drops what is pending (the tab signed out or closed). */
  cancel(): void;
}

export interface BatcherOptions {
  /** The shortest wait before a batched refresh. */
  minDelayMs: number;
  /** Up to this much more, at random per batch. */
  jitterMs: number;
  random?: () => number;
}

export function createRefreshBatcher(
  refresh: (keys: (readonly unknown[])[]) => void,
  options: BatcherOptions,
): RefreshBatcher {
  const random = options.random ?? Math.random;
  let pending = new Map<string, readonly unknown[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const keys = [...pending.values()];
    pending = new Map();
    if (keys.length > 0) refresh(keys);
  };
  return {
    now: (keys) => {
      if (keys.length > 0) refresh([...keys]);
    },
    soon: (keys) => {
      for (const key of keys) pending.set(JSON.stringify(key), key);
      if (timer === undefined && pending.size > 0) {
        timer = setTimeout(flush, options.minDelayMs + Math.floor(random() * options.jitterMs));
      }
    },
    cancel: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = new Map();
    },
  };
}
