// What the operational endpoints (readiness, metrics) read about this process: whether it drains,
// when the SLA sweeper last succeeded, how many sign-ins were throttled, how many live streams are
// open. One state per context, kept beside it rather than in it, so no caller has to build it.
import type { AppContext } from "./context";

export interface OpsState {
  /** SIGTERM (or app.close) began: not ready, and new requests answer 503 Retry-After. */
  draining: boolean;
  /** Sign-ins and reset requests refused with 429 since the start, by kind. */
  throttled: { login: number; passwordReset: number };
  /** The SLA sweeper: when it started in this process and when a sweep last succeeded (epoch ms). */
  slaSweeper: { startedAt: number | null; lastSuccessAt: number | null; intervalMs: number };
  /** Live-event streams open in this process. */
  liveStreams: () => number;
}

const states = new WeakMap<AppContext, OpsState>();

export function opsOf(ctx: AppContext): OpsState {
  let state = states.get(ctx);
  if (!state) {
    state = {
      draining: false,
      throttled: { login: 0, passwordReset: 0 },
      slaSweeper: { startedAt: null, lastSuccessAt: null, intervalMs: ctx.config.slaSweepMs },
      liveStreams: () => 0,
    };
    states.set(ctx, state);
  }
  return state;
}
