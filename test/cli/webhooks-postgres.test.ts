// Two `extranet serve` processes on one PostgreSQL database, both running the webhook worker, one
// receiver: every delivery arrives exactly once (rows claimed with FOR UPDATE SKIP LOCKED), whichever
// process wrote or sent it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { type ServerProcess, spawnServer, waitUntilHealthy } from "./server";
import { cleanUp, ensureBuilt, freshDataDir, sleep } from "./support";

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
    const a = await spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() });
    servers.push(a);
    await waitUntilHealthy(a, 30_000);
    const b = await spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() });
    servers.push(b);
    await waitUntilHealthy(b, 30_000);
    const headers = (cookie: string, server: ServerProcess) => ({
      cookie,
      origin: server.baseUrl,
      "content-type": "application/json",
    });

    const admin = await signIn(a.baseUrl, {
      email: "renata.albuquerque@uno.com.br",
      password: "extranet-demo",
    });
    const registered = await fetch(`${a.baseUrl}/api/v1/webhooks`, {
      method: "POST",
      headers: headers(admin, a),
      body: JSON.stringify({
        url: receiver.url,
        events: ["ticket.created", "message.created", "ticket.updated"],
      }),
    });
    expect(registered.status).toBe(201);

    const customer = await signIn(a.baseUrl, {
      email: "fernanda.lima@paulistaalimentos.com.br",
      password: "extranet-demo",
    });
    const agent = await signIn(b.baseUrl, { email: "juliana.prado@uno.com.br", password: "extranet-demo" });
    const categories = (await (
      await fetch(`${a.baseUrl}/api/v1/categories`, { headers: headers(customer, a) })
    ).json()) as { items: { id: string }[] };
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const opened = await fetch(`${a.baseUrl}/api/v1/tickets`, {
          method: "POST",
          headers: headers(customer, a),
          body: JSON.stringify({
            categoryId: categories.items[0]?.id,
            subject: `Pedido ${9100 + i} não fatura`,
            description: `O pedido ${9100 + i} fica bloqueado na tela de faturamento. Favor verificar.`,
            screenCode: "FAT0001",
            exampleRecord: `pedido ${9100 + i}`,
            priority: "normal",
            attachmentIds: [],
          }),
        });
        expect(opened.status).toBe(201);
        const { number } = (await opened.json()) as { number: number };
        const replied = await fetch(`${b.baseUrl}/api/v1/tickets/${number}/messages`, {
          method: "POST",
          headers: headers(agent, b),
          body: JSON.stringify({ body: `Bom dia, Fernanda. O pedido ${9100 + i} foi liberado.` }),
        });
        expect(replied.status).toBe(201);
      }),
    );

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
