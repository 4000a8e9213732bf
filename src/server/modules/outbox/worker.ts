// Delivers the outbox's e-mails (the loop is the lease worker's): a few at a time, one per SMTP
// connection, each marked sent as soon as it is, or its retry scheduled with exponential backoff (the
// last error kept), or failed after the last attempt or at once on a permanent (5xx) refusal. A row
// whose worker died is sent again with the same Message-ID, so a duplicate after a crash is
// recognisable. Stopping (SIGTERM) finishes the e-mails in flight, gives back the rest and closes the
// transport.
import type { AppContext } from "../../context";
import { json } from "../../db/json";
import { markAttemptFailed, markSent } from "./lease-queue";
import { type DeliveryOutcome, LeaseWorker, type LeaseWorkerOptions, retryDelay } from "./lease-worker";
import type { OutboxRow } from "./repository";

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

export type { DeliveryRound } from "./lease-worker";

export { DEFAULT_CONCURRENCY } from "./lease-worker";

export interface WorkerOptions extends LeaseWorkerOptions {
  /** The From of every e-mail, read once per batch (it follows the settings). */
  from: () => Promise<string>;
}

export class OutboxWorker extends LeaseWorker<"outbox_message"> {
  constructor(
    ctx: Pick<AppContext, "db" | "clock">,
    private readonly transport: MailTransport,
    private readonly mailOptions: WorkerOptions,
  ) {
    super(ctx, "outbox_message", mailOptions);
  }

  protected async startBatch() {
    const from = await this.mailOptions.from();
    return (row: OutboxRow) => this.deliver(row, from);
  }

  /** The transport closes once the e-mails in flight are sent. */
  protected override onStopped(): void {
    this.transport.close();
  }

  private async deliver(row: OutboxRow, from: string): Promise<DeliveryOutcome> {
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
      const delay = retryDelay(RETRY_DELAYS_MS, attempt);
      // A 5xx answer is the server's final word (no such mailbox, refused): trying again changes nothing.
      const permanent = smtpCodeOf(error) >= 500;
      const retryAt = permanent || delay === null ? null : this.ctx.clock.now() + delay;
      await markAttemptFailed(this.ctx.db, "outbox_message", row.id, this.id, describe(error), retryAt);
      return retryAt === null ? "failed" : "retried";
    }
    await markSent(this.ctx.db, "outbox_message", row.id, this.id, this.ctx.clock.now());
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
