// The loop every outbox worker runs (e-mails, webhook deliveries): every server process runs one per
// table; it claims a batch of due rows with a lease, delivers a few at a time, and each delivery marks
// its row sent, queued for a retry or failed. A row whose worker died is claimed again when its lease
// ends. Stopping (SIGTERM) finishes the deliveries in flight and gives back the rest.
import { hostname } from "node:os";
import type { AppContext } from "../../context";
import { newId } from "../../crypto";
import type { Db } from "../../db/schema";
import {
  claimDue,
  type LeaseRow,
  type LeaseTable,
  releaseClaims,
  selectLeaseExpired,
  selectQueuedDue,
} from "./lease-queue";

export interface LeaseWorkerOptions {
  /** Rows claimed at once. */
  batch?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
  /** How long a claim holds: longer than delivering a batch takes. */
  leaseMs?: number;
  /** How often to look for due rows when idle. */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

export interface DeliveryRound {
  sent: number;
  retried: number;
  failed: number;
}

/** What became of one row's attempt. */
export type DeliveryOutcome = keyof DeliveryRound;

/** Deliveries in flight at once by default. */
export const DEFAULT_CONCURRENCY = 4;

/** The delay before the attempt after `attempt` (1-based), or null when that was the last one. */
export function retryDelay(delays: readonly number[], attempt: number): number | null {
  return delays[attempt - 1] ?? null;
}

export abstract class LeaseWorker<T extends LeaseTable> {
  readonly id = `${hostname()}:${process.pid}:${newId()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DeliveryRound> | undefined;
  protected stopping = false;
  private again = false;

  constructor(
    protected readonly ctx: Pick<AppContext, "db" | "clock">,
    private readonly table: T,
    protected readonly options: LeaseWorkerOptions,
  ) {}

  /** Readies one batch's deliveries (e.g. reads the settings once) and returns the delivery of a row. */
  protected abstract startBatch(): Promise<(row: LeaseRow<T>) => Promise<DeliveryOutcome>>;

  /** Called once the last delivery in flight has finished. */
  protected onStopped(): void {}

  start(): void {
    const poll = () => {
      this.timer = setTimeout(() => {
        this.nudge();
        if (!this.stopping) poll();
      }, this.options.pollMs ?? 1000);
      this.timer.unref();
    };
    poll();
    this.nudge();
  }

  /** Looks for due rows now (a command just wrote some); a round in progress runs once more. */
  nudge(): void {
    if (this.stopping) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .catch((error: unknown) => {
        this.options.onError?.(error);
        return { sent: 0, retried: 0, failed: 0 };
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopping) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Finishes the deliveries in flight and gives back the others claimed. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.onStopped();
  }

  /** Claims and delivers due rows until none is due (or the worker stops). */
  async deliverDue(): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, retried: 0, failed: 0 };
    const batch = this.options.batch ?? 20;
    for (;;) {
      if (this.stopping) return round;
      const now = this.ctx.clock.now();
      const claimed = await this.claim(now, batch);
      if (claimed.length === 0) return round;
      const deliver = await this.startBatch();
      // A few in flight at once: a distant server's round trip, not our work, limits a serial sender.
      let next = 0;
      const lane = async () => {
        while (next < claimed.length && !this.stopping) {
          const row = claimed[next++] as LeaseRow<T>;
          round[await deliver(row)] += 1;
        }
      };
      const lanes = Math.min(this.options.concurrency ?? DEFAULT_CONCURRENCY, claimed.length);
      await Promise.all(Array.from({ length: lanes }, lane));
      if (next < claimed.length) {
        await releaseClaims(
          this.ctx.db,
          this.table,
          this.id,
          claimed.slice(next).map((row) => row.id),
        );
        return round;
      }
      if (claimed.length < batch) return round;
    }
  }

  private async claim(now: number, batch: number): Promise<LeaseRow<T>[]> {
    const db: Db = this.ctx.db;
    // Reading first keeps an idle poll from taking SQLite's write lock.
    const due =
      (await selectQueuedDue(db, this.table, now).limit(1).executeTakeFirst()) ??
      (await selectLeaseExpired(db, this.table, now).limit(1).executeTakeFirst());
    if (!due) return [];
    return db
      .transaction()
      .execute((trx) =>
        claimDue(trx, this.table, this.id, now, now + (this.options.leaseMs ?? 120_000), batch),
      );
  }
}
