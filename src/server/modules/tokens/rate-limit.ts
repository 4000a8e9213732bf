// Requests per token per minute, counted in this process's memory. A row written per request would
// cost more than the request itself; N processes behind a balancer let a token make up to N times the
// limit, which still bounds a runaway script (the login throttle, which guards passwords, is the one
// counted in the database, across processes).

const WINDOW_MS = 60_000;
/** Past this many tokens tracked, windows that have ended are dropped. */
const PRUNE_AT = 10_000;

interface Window {
  startedAt: number;
  count: number;
}

export class TokenRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request; the seconds to wait when the token is past its limit, else 0. */
  take(tokenId: string, now: number): number {
    let window = this.windows.get(tokenId);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size >= PRUNE_AT) this.prune(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(tokenId, window);
    }
    if (window.count >= this.perMinute) {
      return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
    }
    window.count++;
    return 0;
  }

  private prune(now: number): void {
    for (const [id, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS) this.windows.delete(id);
    }
  }
}
