// Delivers webhooks (the loop is the outbox's lease worker): each claimed delivery is posted to its
// endpoint, signed, with the same `webhook-id` and body on every attempt; a 2xx marks it sent, anything
// else schedules a retry with backoff (about three days in all) or fails it after the last attempt.
// An endpoint with no success for FAILING_DAYS while failing is disabled, and the admins are e-mailed
// through the outbox, in the same transaction that disables it.
import type { AppContext } from "../../context";
import type { Executor, WebhookDeliveryTable } from "../../db/schema";
import { recordWebhookDisabledEmails } from "../../mail/webhook-emails";
import { openSecret } from "../../secrets-at-rest";
import { recordAudit } from "../audit/repository";
import { markAttemptFailed, markSent } from "../outbox/lease-queue";
import {
  type DeliveryOutcome,
  LeaseWorker,
  type LeaseWorkerOptions,
  retryDelay,
} from "../outbox/lease-worker";
import { endpointForDelivery, recordEndpointFailure, recordEndpointSuccess } from "./repository";
import { RESPONSE_KEPT, sendWebhook } from "./sender";

/** Waits before attempt 2, 3…: seconds at first, then hours; the last about three days after the first. */
export const WEBHOOK_RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
  24 * 3_600_000,
  24 * 3_600_000,
];

/** An endpoint that has failed, with no success since, for this long is disabled. */
export const FAILING_DAYS = 3;
const DAY_MS = 86_400_000;

export interface WebhookWorkerOptions extends LeaseWorkerOptions {
  /** Told when an endpoint was disabled (its admins' e-mails are in the outbox). */
  onDisabled?: (endpointId: string) => void;
  /** Shorter timeouts (tests); default: connect 5 s, the whole request 10 s. */
  timeouts?: { connectMs: number; requestMs: number };
}

export class WebhookWorker extends LeaseWorker<"webhook_delivery"> {
  constructor(
    private readonly app: Pick<AppContext, "db" | "clock" | "config" | "mailer">,
    private readonly hookOptions: WebhookWorkerOptions = {},
  ) {
    super(app, "webhook_delivery", hookOptions);
  }

  protected async startBatch() {
    return (row: WebhookDeliveryTable) => this.deliver(row);
  }

  private async deliver(row: WebhookDeliveryTable): Promise<DeliveryOutcome> {
    const db = this.app.db;
    const at = this.app.clock.now();
    const endpoint = await endpointForDelivery(db, row.endpoint_id);
    if (!endpoint || endpoint.active === 0) {
      // Nothing is sent to a disabled endpoint; "reenviar" once it is on again.
      await markAttemptFailed(db, "webhook_delivery", row.id, this.id, "endpoint disabled", null);
      return "failed";
    }
    // Sealed at rest (secrets-at-rest.ts): opened for this request only.
    const owner = { table: "webhook_endpoint", id: endpoint.id } as const;
    const secrets = [openSecret(this.app.config, endpoint.secret, owner)];
    if (endpoint.previous_secret && (endpoint.previous_secret_until ?? 0) > at)
      secrets.push(openSecret(this.app.config, endpoint.previous_secret, owner));
    const response = await sendWebhook({
      url: endpoint.url,
      id: row.id,
      payload: row.payload,
      secrets,
      at,
      allowedHosts: this.app.config.webhooks.allowedHosts,
      timeouts: this.hookOptions.timeouts,
    });
    const done = this.app.clock.now();
    const attempt = {
      last_status_code: response.statusCode,
      last_duration_ms: response.durationMs,
      last_response: response.body === null ? null : response.body.slice(0, RESPONSE_KEPT),
    };
    if (response.ok) {
      await markSent(db, "webhook_delivery", row.id, this.id, done, attempt);
      await recordEndpointSuccess(db, endpoint.id, done, response.statusCode ?? 200);
      return "sent";
    }
    const delay = retryDelay(WEBHOOK_RETRY_DELAYS_MS, row.attempts + 1);
    const retryAt = delay === null ? null : done + delay;
    const error = response.error ?? "failed";
    const disabled = await db.transaction().execute(async (trx) => {
      await markAttemptFailed(trx, "webhook_delivery", row.id, this.id, error, retryAt, attempt);
      return this.recordFailure(trx, endpoint, response.statusCode, error, done);
    });
    if (disabled) {
      this.app.mailer?.nudge();
      this.hookOptions.onDisabled?.(endpoint.id);
    }
    return retryAt === null ? "failed" : "retried";
  }

  /** Counts the failure against the endpoint; disables it (and tells the admins) once it fails for days. */
  private async recordFailure(
    trx: Executor,
    endpoint: { id: string; url: string },
    statusCode: number | null,
    error: string,
    at: number,
  ): Promise<boolean> {
    if (!(await recordEndpointFailure(trx, endpoint.id, at, statusCode, at - FAILING_DAYS * DAY_MS)))
      return false;
    await recordAudit(trx, { actorId: null, ip: null, origin: undefined }, at, {
      action: "webhook.disabled_failing",
      targetType: "webhook",
      targetId: endpoint.id,
      details: { url: endpoint.url, failingDays: FAILING_DAYS, lastError: error },
    });
    await recordWebhookDisabledEmails(
      trx,
      this.app.config,
      { id: endpoint.id, url: endpoint.url, failingSinceDays: FAILING_DAYS, lastError: error },
      at,
    );
    return true;
  }
}
