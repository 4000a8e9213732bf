// Two `extranet serve` processes on one PostgreSQL database, both running the webhook worker, one
// receiver: every delivery arrives exactly once (rows claimed with FOR UPDATE SKIP LOCKED), whichever
// process wrote or sent it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { jsonHeaders, openAndReply, startTwoServers } from "./demo-traffic";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import type { ServerProcess } from "./server";
import { cleanUp, ensureBuilt, sleep } from "./support";

let database: ThrowawayDatabase | undefined;
let receiver: WebhookReceiver | undefined;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  await ensureBuilt();
  database = await createThrowawayDatabase();
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  for (const server of servers) server.child.kill("SIGTERM");
  await Promise.all(servers.map((server) => server.exited));
  await cleanUp();
  await receiver?.close();
  await database?.drop();
});

describe("webhooks with two server processes", { timeout: 90_000 }, () => {
  it("delivers every event exactly once", async () => {
    if (!database || !receiver) throw new Error("setup failed");
    const env = {
      DATABASE_URL: database.url,
      EXTRANET_SEED_DEMO: "true",
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    };
    const [a, b] = await startTwoServers(env, servers);

    const admin = await signIn(a.baseUrl, {
      email: "renata.albuquerque@uno.com.br",
      password: "extranet-demo",
    });
    const registered = await fetch(`${a.baseUrl}/api/v1/webhooks`, {
      method: "POST",
      headers: jsonHeaders(admin, a),
      body: JSON.stringify({
        url: receiver.url,
        events: ["ticket.created", "message.created", "ticket.updated"],
      }),
    });
    expect(registered.status).toBe(201);

    await openAndReply(a, b, 6, 9100);

    const deadline = Date.now() + 30_000;
    const waiting = async () =>
      Number(
        (
          await database?.query<{ n: string }>(
            "select count(*) as n from webhook_delivery where state <> 'sent'",
          )
        )?.[0]?.n,
      );
    while ((await waiting()) > 0) {
      if (Date.now() > deadline) throw new Error(`deliveries still waiting after 30 s: ${await waiting()}`);
      await sleep(200);
    }
    const written = await database.query<{ id: string }>("select id from webhook_delivery");
    expect(written.length).toBeGreaterThanOrEqual(12);
    // A moment more: a duplicate would arrive after the last row was marked sent.
    await sleep(1_000);
    const ids = receiver.received.map((request) => request.headers["webhook-id"]);
    expect(ids).toHaveLength(written.length);
    expect([...ids].sort()).toEqual(written.map((row) => row.id).sort());
    expect(servers.every((server) => !server.stderr().includes("webhook delivery failed"))).toBe(true);
  });
});
