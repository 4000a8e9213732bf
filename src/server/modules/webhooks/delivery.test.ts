// Webhook deliveries end to end: real commands through the API write them, the worker posts them to a
// real HTTP receiver that checks every signature with the `standardwebhooks` library; a receiver that
// fails then recovers gets each event once with the same webhook-id; private addresses are refused at
// delivery too; redirects are not followed; a slow receiver times out; an endpoint failing for days
// is disabled and the admins are e-mailed; a rolled-back change delivers nothing.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type BillingWorld,
  consultancyTicket,
  estimateOn,
  makeBillingWorld,
  openTicket,
} from "../../../../test/support/billing";
import { startWebhookReceiver, type WebhookReceiver } from "../../../../test/support/webhook-receiver";
import { sweepSla } from "../../jobs/sla-sweeper";
import { recordWebhookDeliveries } from "./events";
import { insertEndpoint } from "./repository";
import { newWebhookSecret } from "./service";
import { FAILING_DAYS, WebhookWorker } from "./worker";

interface Body {
  type: string;
  timestamp: string;
  data: {
    ticket: { number: number; company: { id: string; name: string }; status: string; priority: string };
    message?: { internal: boolean; body: string; author: string };
    changes?: { field: string; from: unknown; to: unknown }[];
    metric?: string;
    estimate?: { minutes: number; status: string };
  };
}

describe("webhook deliveries", { timeout: 30_000 }, () => {
  let world: BillingWorld;
  let receiver: WebhookReceiver;

  const db = () => world.t.ctx.db;
  const worker = () =>
    new WebhookWorker(world.t.ctx, { timeouts: { connectMs: 1_000, requestMs: 400 }, concurrency: 1 });
  const register = async (events: string[], internal = false, url = receiver.url) => {
    const made = await world.admin.post("/api/v1/webhooks", { url, events, internal });
    expect(made.statusCode, made.body).toBe(201);
    return made.json() as { id: string; secret: string };
  };
  /** Checks the request's signature as a receiver would, its clock agreeing with the server's. */
  const verify = (secret: string, index: number): Body => {
    const request = receiver.received[index];
    if (!request) throw new Error(`no request ${index}`);
    vi.useFakeTimers({ toFake: ["Date"], now: world.t.clock.now() });
    try {
      return new Webhook(secret).verify(request.body, request.headers) as Body;
    } finally {
      vi.useRealTimers();
    }
  };
  const rows = (endpointId: string) =>
    db()
      .selectFrom("webhook_delivery")
      .selectAll()
      .where("endpoint_id", "=", endpointId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    world = await makeBillingWorld({ WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await world.t.close();
  });
  beforeEach(async () => {
    await db().deleteFrom("webhook_delivery").execute();
    await db().deleteFrom("webhook_endpoint").execute();
    receiver.received.length = 0;
    receiver.answers = [];
    receiver.fallback = { status: 204 };
    world.t.clock.set("2026-04-29T13:00:00Z");
  });

  it("delivers the events of real commands, signed, with each endpoint's share of messages", async () => {
    const everything = [
      "ticket.created",
      "ticket.updated",
      "message.created",
      "sla.warning",
      "sla.breached",
      "estimate.approved",
      "estimate.declined",
    ];
    const outside = await register(everything);
    const inside = await register(everything, true);

    const worked = await openTicket(world, world.customerA, "Nota fiscal não transmite");
    expect(
      (await world.agent.post(`/api/v1/tickets/${worked}/messages`, { body: "Bom dia, Fernanda." }))
        .statusCode,
    ).toBe(201);
    const note = { body: "Cliente inadimplente; verificar contrato xyzzy", internal: true };
    expect((await world.agent.post(`/api/v1/tickets/${worked}/messages`, note)).statusCode).toBe(201);
    const { version } = (await world.agent.get(`/api/v1/tickets/${worked}`)).json();
    expect(
      (await world.agent.patch(`/api/v1/tickets/${worked}`, { version, priority: "high" })).statusCode,
    ).toBe(200);
    const unanswered = await openTicket(world, world.customerA, "Boleto não gera");
    const consultancy = await consultancyTicket(world, "Fluxo de caixa não bate");
    const approved = await estimateOn(world, consultancy, 120);
    expect(
      (await world.adminA.post(`/api/v1/tickets/${consultancy}/estimates/${approved}/approve`, {}))
        .statusCode,
    ).toBe(200);
    const declined = await estimateOn(world, consultancy, 60);
    expect(
      (await world.adminA.post(`/api/v1/tickets/${consultancy}/estimates/${declined}/decline`, {}))
        .statusCode,
    ).toBe(200);
    // 14:30 in São Paulo: the unanswered ticket's first response is due soon.
    world.t.clock.set("2026-04-29T14:30:00-03:00");
    await sweepSla(world.t.ctx);

    const written = [...(await rows(outside.id)), ...(await rows(inside.id))];
    expect(await worker().deliverDue()).toEqual({ sent: written.length, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(written.length);

    const bySecret = new Map([
      [outside.id, outside.secret],
      [inside.id, inside.secret],
    ]);
    const heard: Record<string, Body[]> = { [outside.id]: [], [inside.id]: [] };
    receiver.received.forEach((request, index) => {
      const row = written.find((r) => r.id === request.headers["webhook-id"]);
      if (!row) throw new Error("a request for no delivery");
      const body = verify(bySecret.get(row.endpoint_id) ?? "", index);
      expect(request.body).toBe(row.payload);
      expect(request.headers["webhook-timestamp"]).toBe(String(Math.floor(world.t.clock.now() / 1000)));
      heard[row.endpoint_id]?.push(body);
    });
    const of = (endpoint: string, type: string, number: number) =>
      (heard[endpoint] ?? []).filter((b) => b.type === type && b.data.ticket.number === number);

    for (const endpoint of [outside.id, inside.id]) {
      expect(of(endpoint, "ticket.created", worked)).toHaveLength(1);
      expect(of(endpoint, "ticket.created", worked)[0]?.data.ticket).toMatchObject({
        company: { id: world.companyA.id, name: "Distribuidora Paulista de Alimentos Ltda" },
        priority: "normal",
      });
      expect(of(endpoint, "ticket.updated", worked).flatMap((b) => b.data.changes)).toContainEqual({
        field: "priority",
        from: "normal",
        to: "high",
      });
      expect(of(endpoint, "ticket.updated", consultancy).flatMap((b) => b.data.changes)).toContainEqual({
        field: "kind",
        from: "support",
        to: "consultancy",
      });
      expect(of(endpoint, "sla.warning", unanswered).map((b) => b.data.metric)).toEqual(["first_response"]);
      expect(of(endpoint, "estimate.approved", consultancy).map((b) => b.data.estimate)).toMatchObject([
        { minutes: 120, status: "approved" },
      ]);
      expect(of(endpoint, "estimate.declined", consultancy).map((b) => b.data.estimate)).toMatchObject([
        { minutes: 60, status: "declined" },
      ]);
    }
    // The internal note reaches only the endpoint marked internal.
    expect(of(outside.id, "message.created", worked).map((b) => b.data.message)).toEqual([
      expect.objectContaining({ internal: false, author: "staff", body: "Bom dia, Fernanda." }),
    ]);
    expect(JSON.stringify(heard[outside.id])).not.toContain("xyzzy");
    expect(of(inside.id, "message.created", worked).map((b) => b.data.message?.internal)).toEqual([
      false,
      true,
    ]);
    expect((await rows(outside.id)).every((r) => r.state === "sent" && r.attempts === 1)).toBe(true);
  });

  it("retries a failing receiver with backoff: each event once, in retry order, with the same webhook-id", async () => {
    const endpoint = await register(["ticket.created"]);
    await openTicket(world, world.customerA, "Pedido 9001 não fatura");
    await openTicket(world, world.customerA, "Pedido 9002 não fatura");
    receiver.answers = [
      { status: 500, body: "erro interno" },
      { status: 500, body: "erro interno" },
    ];
    expect(await worker().deliverDue()).toEqual({ sent: 0, retried: 2, failed: 0 });
    const failed = await rows(endpoint.id);
    expect(failed).toMatchObject([
      {
        state: "queued",
        attempts: 1,
        last_status_code: 500,
        last_response: "erro interno",
        last_error: "HTTP 500",
      },
      { state: "queued", attempts: 1, last_status_code: 500 },
    ]);
    // Not yet: the first retry waits five seconds.
    expect(await worker().deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    world.t.clock.advance(5_000);
    expect(await worker().deliverDue()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await worker().deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    const [first, second] = failed.map((r) => r.id);
    expect(ids).toEqual([first, second, first, second]);
    expect(receiver.received[0]?.body).toBe(receiver.received[2]?.body);
    const delivered = receiver.received.filter((r) => r.status < 300);
    expect(delivered.map((r) => r.headers["webhook-id"])).toEqual([first, second]);
    for (const index of [2, 3]) expect(verify(endpoint.secret, index).type).toBe("ticket.created");
    expect(await rows(endpoint.id)).toMatchObject([
      { state: "sent", attempts: 2, last_status_code: 204, sent_at: world.t.clock.now() },
      { state: "sent", attempts: 2 },
    ]);

    // The list shows them, and "reenviar" sends one again with its webhook-id.
    const page = await world.admin.get(`/api/v1/webhooks/${endpoint.id}/deliveries?limit=1`);
    expect(page.json().items).toMatchObject([
      { id: second, event: "ticket.created", state: "sent", attempts: 2 },
    ]);
    const next = await world.admin.get(
      `/api/v1/webhooks/${endpoint.id}/deliveries?limit=1&cursor=${page.json().nextCursor}`,
    );
    expect(next.json()).toMatchObject({ items: [{ id: first, statusCode: 204 }], nextCursor: null });
    const resend = await world.admin.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${first}/resend`);
    expect(resend.json()).toMatchObject({ id: first, state: "queued", attempts: 0 });
    expect(
      (await world.admin.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${first}/resend`)).statusCode,
    ).toBe(409);
    await worker().deliverDue();
    expect(receiver.received.at(-1)?.headers["webhook-id"]).toBe(first);
  });

  it("refuses private addresses at delivery too, without connecting", async () => {
    const at = world.t.clock.now();
    for (const url of ["http://10.0.0.1/hook", `http://localhost:${receiver.port}/hook`]) {
      // As if registered before the rule (or the allowlist) changed: straight into the table.
      await insertEndpoint(db(), {
        id: crypto.randomUUID(),
        url,
        events: JSON.stringify(["ticket.created"]) as never,
        secret: newWebhookSecret(),
        previous_secret: null,
        previous_secret_until: null,
        internal: 0,
        active: 1,
        disabled_reason: null,
        last_attempt_at: null,
        last_attempt_ok: null,
        last_status_code: null,
        last_success_at: null,
        failing_since: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      });
    }
    await openTicket(world, world.customerA);
    expect(await worker().deliverDue()).toEqual({ sent: 0, retried: 2, failed: 0 });
    expect(receiver.received).toHaveLength(0);
    const attempts = await db()
      .selectFrom("webhook_delivery")
      .select(["last_error", "last_status_code"])
      .execute();
    expect(attempts.map((a) => a.last_error?.startsWith("address not allowed"))).toEqual([true, true]);
  });

  it("does not follow redirects and gives up on a slow receiver", async () => {
    const endpoint = await register(["ticket.created"]);
    await openTicket(world, world.customerA);
    receiver.answers = [{ status: 302, headers: { location: `${receiver.url}/elsewhere` } }];
    expect(await worker().deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    expect((await rows(endpoint.id))[0]).toMatchObject({ last_status_code: 302 });
    expect((await rows(endpoint.id))[0]?.last_error).toContain("redirect not followed");

    world.t.clock.advance(5_000);
    receiver.answers = [{ status: 200, delayMs: 3_000 }];
    const started = Date.now();
    expect(await worker().deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(Date.now() - started).toBeLessThan(2_000);
    const [slow] = await rows(endpoint.id);
    expect(slow?.last_error).toContain("timed out");
    expect(slow?.last_status_code).toBeNull();
  });

  it(`disables an endpoint failing for ${FAILING_DAYS} days and e-mails the admins, once`, async () => {
    const endpoint = await register(["ticket.created"]);
    receiver.fallback = { status: 503 };
    await openTicket(world, world.customerA);
    await worker().deliverDue();
    world.t.clock.advance(2 * 86_400_000);
    await openTicket(world, world.customerA);
    await worker().deliverDue();
    expect((await world.admin.get(`/api/v1/webhooks/${endpoint.id}`)).json()).toMatchObject({
      active: true,
      lastAttempt: { ok: false, statusCode: 503 },
    });

    world.t.clock.advance(FAILING_DAYS * 86_400_000 - 2 * 86_400_000);
    await openTicket(world, world.customerA);
    await worker().deliverDue();
    expect((await world.admin.get(`/api/v1/webhooks/${endpoint.id}`)).json()).toMatchObject({
      active: false,
      disabledReason: "failing",
    });
    const admins = await db().selectFrom("app_user").select("email").where("role", "=", "admin").execute();
    const told = await db()
      .selectFrom("outbox_message")
      .select(["to_address", "subject"])
      .where("purpose", "=", "webhook_disabled")
      .execute();
    expect(told.map((m) => m.to_address).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(told[0]?.subject).toContain("Webhook desativado");
    // A disabled endpoint gets no new deliveries, and turning it on starts afresh.
    const before = (await rows(endpoint.id)).length;
    await openTicket(world, world.customerA);
    expect(await rows(endpoint.id)).toHaveLength(before);
    const on = await world.admin.patch(`/api/v1/webhooks/${endpoint.id}`, { active: true });
    expect(on.json()).toMatchObject({ active: true, disabledReason: null });
  });

  it("writes no delivery for a change that rolls back", async () => {
    const endpoint = await register(["ticket.created"]);
    const number = await openTicket(world, world.customerA);
    await db().deleteFrom("webhook_delivery").execute();
    const ticket = await db()
      .selectFrom("ticket")
      .select(["id", "company_id"])
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    const outcome = {
      ticketId: ticket.id,
      ref: { number, companyId: ticket.company_id, status: "open" as const },
      happenings: [{ type: "opened" as const, channel: "portal" as const }],
    };
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          expect(await recordWebhookDeliveries(trx, [outcome], world.t.clock.now())).toBe(1);
          throw new Error("the change failed after its effects were written");
        }),
    ).rejects.toThrow("the change failed");
    expect(await rows(endpoint.id)).toHaveLength(0);
  });
});
