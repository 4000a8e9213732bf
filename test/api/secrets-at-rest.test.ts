// SECRETS_KEY through the real routes and workers: webhook signing secrets and ERP HS256 keys are
// stored sealed, yet deliveries are signed and links verified with them; at start, secrets stored
// before the key are sealed, and a server without the key (or with another) refuses to start.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/server/config";
import type { AppContext } from "../../src/server/context";
import { signErpToken } from "../../src/server/modules/erp-link/sign-link";
import { WebhookWorker } from "../../src/server/modules/webhooks/worker";
import { sealStoredSecrets } from "../../src/server/seal-stored-secrets";
import { isSealed } from "../../src/server/secrets-at-rest";
import { type BillingWorld, makeBillingWorld, openTicket } from "../support/billing";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const KEY = randomBytes(32);
const ERP = "/api/v1/integrations/erp-installations";

const withKey = (ctx: AppContext, key: Buffer | undefined, previousKey?: Buffer): AppContext => ({
  ...ctx,
  config: { ...ctx.config, secretsKey: key, secretsPreviousKey: previousKey },
});

describe("secrets at rest (SECRETS_KEY)", { timeout: 30_000 }, () => {
  let world: BillingWorld;
  let receiver: WebhookReceiver;
  const db = () => world.t.ctx.db;
  const verify = (secret: string, index: number) => {
    const request = receiver.received[index];
    if (!request) throw new Error(`no request ${index}`);
    vi.useFakeTimers({ toFake: ["Date"], now: world.t.clock.now() });
    try {
      return new Webhook(secret).verify(request.body, request.headers) as { type: string };
    } finally {
      vi.useRealTimers();
    }
  };
  const deliver = () =>
    new WebhookWorker(world.t.ctx, {
      timeouts: { connectMs: 1_000, requestMs: 1_000 },
      concurrency: 1,
    }).deliverDue();

  beforeAll(async () => {
    world = await makeBillingWorld({
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
      SECRETS_KEY: KEY.toString("base64"),
    });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await world.t.close();
  });

  it("stores a webhook's secret sealed and signs its deliveries with it, before and after a rotation", async () => {
    const made = await world.admin.post("/api/v1/webhooks", {
      url: receiver.url,
      events: ["ticket.created"],
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, secret } = made.json() as { id: string; secret: string };
    const stored = await db()
      .selectFrom("webhook_endpoint")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(isSealed(stored.secret)).toBe(true);
    expect(stored.secret).not.toContain(secret.replace(/^whsec_/, ""));

    await openTicket(world, world.customerA, "Nota fiscal não transmite");
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(verify(secret, 0).type).toBe("ticket.created");

    const rotated = await world.admin.patch(`/api/v1/webhooks/${id}`, { rotateSecret: true });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const next = (rotated.json() as { secret: string }).secret;
    const after = await db()
      .selectFrom("webhook_endpoint")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(isSealed(after.secret) && isSealed(after.previous_secret ?? "")).toBe(true);
    await openTicket(world, world.customerA, "Boleto não gera");
    expect(await deliver()).toMatchObject({ sent: 1 });
    // Signed with both during the grace period: receivers on either secret accept it.
    expect(verify(next, 1).type).toBe("ticket.created");
    expect(verify(secret, 1).type).toBe("ticket.created");
  });

  it("stores an ERP installation's HS256 key sealed and verifies its links with it", async () => {
    const made = await world.admin.post(ERP, {
      name: "UNO ERP",
      companyId: world.companyA.id,
      algorithm: "HS256",
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, secret } = made.json() as { id: string; secret: string };
    const stored = await db()
      .selectFrom("erp_installation")
      .select("secret")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(isSealed(stored.secret ?? "")).toBe(true);
    expect(stored.secret).not.toContain(secret);

    const token = await signErpToken({
      installationId: id,
      algorithm: "HS256",
      key: secret,
      email: world.customerA.user.email,
      cnpj: world.companyA.cnpj,
      issuedAt: world.t.clock.now(),
    });
    const response = await world.t.app.inject({
      method: "GET",
      url: `/sso/erp?token=${encodeURIComponent(token)}`,
      headers: { host: "extranet.test" },
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/portal/tickets");
  });

  it("at start seals what was stored before the key, and refuses to start without it or with another", async () => {
    const plain = withKey(world.t.ctx, undefined);
    const made = await world.admin.post("/api/v1/webhooks", {
      url: receiver.url,
      events: ["ticket.updated"],
    });
    const { id, secret } = made.json() as { id: string; secret: string };
    // As a release without SECRETS_KEY left it.
    await db().updateTable("webhook_endpoint").set({ secret }).where("id", "=", id).execute();

    await expect(sealStoredSecrets(plain)).rejects.toThrow(ConfigError);
    await expect(sealStoredSecrets(withKey(world.t.ctx, randomBytes(32)))).rejects.toThrow(/does not open/);

    const first = await sealStoredSecrets(world.t.ctx);
    expect(first.sealed).toBe(1);
    const row = await db()
      .selectFrom("webhook_endpoint")
      .select("secret")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(isSealed(row.secret)).toBe(true);
    expect(await sealStoredSecrets(world.t.ctx)).toEqual({ sealed: 0, unsealed: 0 });
  });

  it("changes the key: started with the new one and the old as previous, it seals everything again under the new", async () => {
    const next = randomBytes(32);
    const rotating = withKey(world.t.ctx, next, KEY);
    const stored = await db().selectFrom("webhook_endpoint").select(["id", "secret"]).execute();
    expect(stored.length).toBeGreaterThan(0);
    const changed = await sealStoredSecrets(rotating);
    expect(changed.sealed).toBeGreaterThanOrEqual(stored.length);
    // Now the new key alone opens everything, and the old one no longer does.
    expect(await sealStoredSecrets(withKey(world.t.ctx, next))).toEqual({ sealed: 0, unsealed: 0 });
    await expect(sealStoredSecrets(world.t.ctx)).rejects.toThrow(/does not open/);
  });
});
