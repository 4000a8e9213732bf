// "Webhooks" (admins): register, change, rotate the secret of and delete endpoints; list each one's
// deliveries and "reenviar". Every change is audited (never with the secret). An address is checked
// (resolved, public unless allowlisted) on registration and on every change of it, and again at every
// delivery (worker.ts).
import { randomBytes } from "node:crypto";
import type {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookWithSecret,
} from "../../../contracts/webhooks";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeCursor, toPage } from "../../db/cursor";
import { json } from "../../db/json";
import { type Executor, flag } from "../../db/schema";
import { AppError, errors } from "../../errors";
import { sealSecret } from "../../secrets-at-rest";
import { auditChanges } from "../audit/changes";
import { recordAudit } from "../audit/repository";
import { requeue } from "../outbox/lease-queue";
import { checkWebhookUrl } from "./address";
import { presentDelivery, presentWebhook } from "./presenter";
import {
  activeChanges,
  deleteEndpoint,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  updateEndpoint,
  type WebhookEndpointRow,
} from "./repository";

/** After a rotation, the old secret signs beside the new one this long. */
export const SECRET_GRACE_MS = 24 * 3_600_000;

const webhookNotFound = () => new AppError("webhook.not_found", 404, "error.webhook.not_found");
const notResendable = () => new AppError("webhook.not_resendable", 409, "error.webhook.not_resendable");

/** `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString("base64")}`;

async function assertDeliverable(ctx: AppContext, url: string): Promise<void> {
  const check = await checkWebhookUrl(url, ctx.config.webhooks.allowedHosts);
  if (!check.ok) {
    throw errors.field(
      "url",
      check.reason === "forbidden_address" ? "validation.webhook_address" : "validation.webhook_unresolvable",
      url,
    );
  }
}

export async function listWebhooks(ctx: AppContext): Promise<Webhook[]> {
  return (await listEndpoints(ctx.db)).map(presentWebhook);
}

export async function webhookById(ctx: AppContext, id: string): Promise<Webhook> {
  const row = await findEndpoint(ctx.db, id);
  if (!row) throw webhookNotFound();
  return presentWebhook(row);
}

export async function createWebhook(
  ctx: AppContext,
  meta: CommandMeta,
  request: CreateWebhookRequest,
): Promise<WebhookWithSecret> {
  await assertDeliverable(ctx, request.url);
  const now = ctx.clock.now();
  const id = newId();
  const secret = request.secret ?? newWebhookSecret();
  const row: WebhookEndpointRow = {
    id,
    url: request.url,
    events: json.webhookEvents.encode(request.events),
    secret: sealSecret(ctx.config.secretsKey, secret, { table: "webhook_endpoint", id }),
    previous_secret: null,
    previous_secret_until: null,
    internal: flag(request.internal),
    active: 1,
    disabled_reason: null,
    last_attempt_at: null,
    last_attempt_ok: null,
    last_status_code: null,
    last_success_at: null,
    failing_since: null,
    created_by: meta.actorId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertEndpoint(trx, row);
    await recordAudit(trx, meta, now, {
      action: "webhook.create",
      targetType: "webhook",
      targetId: row.id,
      details: { url: row.url, events: request.events, internal: request.internal },
    });
  });
  return { ...presentWebhook(row), secret };
}

/** Changes an endpoint; answers with the new secret only when it was rotated. */
export async function updateWebhook(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  request: UpdateWebhookRequest,
): Promise<Webhook | WebhookWithSecret> {
  if (request.url !== undefined) await assertDeliverable(ctx, request.url);
  const now = ctx.clock.now();
  const secret = request.rotateSecret ? newWebhookSecret() : undefined;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = await findEndpoint(trx, id);
    if (!before) throw webhookNotFound();
    const changes: Partial<WebhookEndpointRow> = {
      updated_at: now,
      ...(request.url !== undefined && { url: request.url }),
      ...(request.events !== undefined && { events: json.webhookEvents.encode(request.events) }),
      ...(request.internal !== undefined && { internal: flag(request.internal) }),
      ...(request.active !== undefined && activeChanges(request.active, now)),
      ...(secret !== undefined && {
        secret: sealSecret(ctx.config.secretsKey, secret, { table: "webhook_endpoint", id }),
        previous_secret: before.secret,
        previous_secret_until: now + SECRET_GRACE_MS,
      }),
    };
    await updateEndpoint(trx, id, changes);
    await recordAudit(trx, meta, now, {
      action: secret ? "webhook.rotate_secret" : "webhook.update",
      targetType: "webhook",
      targetId: id,
      changes: auditChanges(auditView(before), {
        url: request.url,
        events: request.events,
        internal: request.internal,
        active: request.active,
      }),
    });
    return findEndpoint(trx, id);
  });
  if (!row) throw webhookNotFound();
  return secret ? { ...presentWebhook(row), secret } : presentWebhook(row);
}

const auditView = (row: WebhookEndpointRow) => ({
  url: row.url,
  events: json.webhookEvents.decode(row.events),
  internal: row.internal === 1,
  active: row.active === 1,
});

export async function deleteWebhook(ctx: AppContext, meta: CommandMeta, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findEndpoint(trx, id);
    if (!row) throw webhookNotFound();
    await deleteEndpoint(trx, id);
    await recordAudit(trx, meta, ctx.clock.now(), {
      action: "webhook.delete",
      targetType: "webhook",
      targetId: id,
      details: auditView(row),
    });
  });
}

export async function pageDeliveries(
  ctx: AppContext,
  endpointId: string,
  query: WebhookDeliveryQuery,
): Promise<WebhookDeliveryPage> {
  if (!(await findEndpoint(ctx.db, endpointId))) throw webhookNotFound();
  let after: { createdAt: number; id: string } | undefined;
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2);
    if (typeof createdAt !== "number" || typeof id !== "string")
      throw errors.field("cursor", "validation.invalid_format", query.cursor);
    after = { createdAt, id };
  }
  const rows = await listDeliveries(ctx.db, endpointId, { after, limit: query.limit + 1 });
  const page = toPage(rows, query.limit, (row) => [row.created_at, row.id]);
  return { items: page.rows.map(presentDelivery), nextCursor: page.nextCursor };
}

/** "Reenviar": a delivered or failed delivery is queued again now, with the same webhook-id and body. */
export async function resendDelivery(
  ctx: AppContext,
  meta: CommandMeta,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const row = await ctx.db.transaction().execute(async (trx: Executor) => {
    const delivery = await findDelivery(trx, endpointId, deliveryId);
    if (!delivery) throw webhookNotFound();
    const now = ctx.clock.now();
    if (!(await requeue(trx, "webhook_delivery", deliveryId, now))) throw notResendable();
    await recordAudit(trx, meta, now, {
      action: "webhook.resend",
      targetType: "webhook",
      targetId: endpointId,
      details: { deliveryId, event: delivery.event, previousState: delivery.state },
    });
    return findDelivery(trx, endpointId, deliveryId);
  });
  if (!row) throw webhookNotFound();
  ctx.webhooks?.nudge();
  return presentDelivery(row);
}
