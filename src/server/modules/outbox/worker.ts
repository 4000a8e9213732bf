// Delivers the outbox. Every server process runs one worker; a worker claims a batch of due rows with
// a lease, sends a few at a time (one per SMTP connection) and marks each sent as soon as it is, or
// schedules its retry with exponential backoff (the last error kept), or marks it failed after the
// last attempt or at once on a permanent (5xx) refusal. A row whose worker died is claimed again
// when its lease ends and sent with the same Message-ID, so a duplicate after a crash is
// recognisable. Stopping (SIGTERM) finishes the e-mails in flight and gives back the rest.
import { hostname } from "node:os";
import type { AppContext } from "../../context";
import { newId } from "../../crypto";
import { json } from "../../db/json";
import type { Db } from "../../db/schema";
import {
  claimDue,
  markAttemptFailed,
  markSent,
  type OutboxRow,
  releaseClaims,
  selectLeaseExpired,
  selectQueuedDue,
} from "./repository";

/** One e-mail as the transport sends it. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  replyTo: string | null;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Waits before attempt 2, 3…: a minute, then longer, about a day in all; then the e-mail has failed. */
export const RETRY_DELAYS_MS = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  60 * 60_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** E-mails in flight at once by default, and the SMTP connections kept for them. */
export const DEFAULT_CONCURRENCY = 4;

export interface WorkerOptions {
  /** The From of every e-mail, read once per batch (it follows the settings). */
  from: () => Promise<string>;
  /** Rows claimed at once. */
  batch?: number;
  /** E-mails in flight at once (the transport should hold as many connections). */
  concurrency?: number;
  /** How long a claim holds: longer than sending a batch takes. */
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

export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${newId()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DeliveryRound> | undefined;
  private stopping = false;
  private again = false;

  constructor(
    private readonly ctx: Pick<AppContext, "db" | "clock">,
    private readonly transport: MailTransport,
    private readonly options: WorkerOptions,
  ) {}

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

  /** Looks for due e-mails now (a command just wrote some); a round in progress runs once more. */
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

  /** Finishes the e-mails in flight, gives back the others claimed, and closes the transport. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** Claims and sends due e-mails until none is due (or the worker stops). */
  async deliverDue(): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, retried: 0, failed: 0 };
    const batch = this.options.batch ?? 20;
    for (;;) {
      if (this.stopping) return round;
      const now = this.ctx.clock.now();
      const claimed = await this.claim(now, batch);
      if (claimed.length === 0) return round;
      const from = await this.options.from();
      // A few e-mails in flight at once, one per SMTP connection: a relay's round trip, not our
      // work, is what limits a serial sender.
      let next = 0;
      const lane = async () => {
        while (next < claimed.length && !this.stopping) {
          const row = claimed[next++] as OutboxRow;
          round[await this.deliver(row, from)] += 1;
        }
      };
      const lanes = Math.min(this.options.concurrency ?? DEFAULT_CONCURRENCY, claimed.length);
      await Promise.all(Array.from({ length: lanes }, lane));
      if (next < claimed.length) {
        await releaseClaims(
          this.ctx.db,
          this.id,
          claimed.slice(next).map((row) => row.id),
        );
        return round;
      }
      if (claimed.length < batch) return round;
    }
  }

  private async claim(now: number, batch: number): Promise<OutboxRow[]> {
    const db: Db = this.ctx.db;
    // Reading first keeps an idle poll from taking SQLite's write lock.
    const due =
      (await selectQueuedDue(db, now).limit(1).executeTakeFirst()) ??
      (await selectLeaseExpired(db, now).limit(1).executeTakeFirst());
    if (!due) return [];
    return db
      .transaction()
      .execute((trx) => claimDue(trx, this.id, now, now + (this.options.leaseMs ?? 120_000), batch));
  }

  private async deliver(row: OutboxRow, from: string): Promise<keyof DeliveryRound> {
    try {
      await this.transport.send({
        from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: row.message_id,
        replyTo: row.reply_to,
        headers: json.outboxHeaders.decode(row.headers),
      });
    } catch (error) {
      const attempt = row.attempts + 1;
      const delay = RETRY_DELAYS_MS[attempt - 1];
      // A 5xx answer is the server's final word (no such mailbox, refused): trying again changes nothing.
      const permanent = smtpCodeOf(error) >= 500;
      const retryAt =
        permanent || attempt >= MAX_ATTEMPTS || delay === undefined ? null : this.ctx.clock.now() + delay;
      await markAttemptFailed(this.ctx.db, row.id, this.id, describe(error), retryAt);
      return retryAt === null ? "failed" : "retried";
    }
    await markSent(this.ctx.db, row.id, this.id, this.ctx.clock.now());
    return "sent";
  }
}

function smtpCodeOf(error: unknown): number {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : 0;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as Error & { response?: unknown }).response;
    return typeof response === "string" ? `${error.message} (${response})` : error.message;
  }
  return String(error);
}
