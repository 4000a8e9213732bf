// Two `extranet serve` processes on one PostgreSQL database and one data folder, behind HAProxy (the
// bench's starter, `bench/haproxy.ts`): requests alternate between the processes, and a customer's
// ticket opened through HAProxy reaches an agent's live event stream held on the other process.
// Needs Debian's `haproxy` package; without it the test fails and says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { type Haproxy, SERVED_BY_HEADER, startHaproxy } from "../../bench/haproxy";
import { connectSse, type SseClient } from "../support/sse";
import { jsonHeaders } from "./demo-traffic";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { type ServerProcess, spawnServer, waitUntilHealthy } from "./server";
import { cleanUp, ensureBuilt, freshDataDir } from "./support";

const agent = { email: "juliana.prado@uno.com.br", password: "extranet-demo" };
const customer = { email: "fernanda.lima@paulistaalimentos.com.br", password: "extranet-demo" };

let database: ThrowawayDatabase | undefined;
let proxy: Haproxy | undefined;
const servers: ServerProcess[] = [];
const streams: SseClient[] = [];

beforeAll(async () => {
  await ensureBuilt();
  database = await createThrowawayDatabase();
  // One data folder for both: attachments written by one process are read by the other.
  // Both processes sweep for SLA firings every second, racing for the same clocks.
  const env = {
    DATABASE_URL: database.url,
    EXTRANET_SEED_DEMO: "true",
    EXTRANET_DATA_DIR: freshDataDir(),
    SLA_SWEEP_SECONDS: "1",
  };
  // One after the other: the first migrates and seeds, the second finds it done.
  for (let i = 0; i < 2; i++) {
    const server = await spawnServer(env);
    servers.push(server);
    await waitUntilHealthy(server, 30_000);
  }
  proxy = await startHaproxy(servers.map((server) => server.baseUrl));
}, 60_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await proxy?.stop();
  for (const server of servers) server.child.kill("SIGTERM");
  await Promise.all(servers.map((server) => server.exited));
  await cleanUp();
  await database?.drop();
});

function started(): { proxy: Haproxy; a: ServerProcess; b: ServerProcess } {
  const [a, b] = servers;
  if (!proxy || !a || !b) throw new Error("setup failed");
  return { proxy, a, b };
}

/** HAProxy names the backends node1, node2 in the order they were given. */
const nodeOf = (response: Response) => response.headers.get(SERVED_BY_HEADER);

describe("two processes behind HAProxy on PostgreSQL", { timeout: 30_000 }, () => {
  it("sends requests to both processes in turn", async () => {
    const { proxy } = started();
    const cookie = await signIn(proxy.origin, customer);
    const served: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy.origin}/api/v1/me`, { headers: { cookie } });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      served.push(nodeOf(response));
    }
    // Round robin: a session opened on one process is honoured by the other.
    expect(new Set(served)).toEqual(new Set(["node1", "node2"]));
    expect(served[0]).not.toBe(served[1]);
  });

  it("carries a ticket opened through HAProxy to an agent's stream on the other process", async () => {
    const { proxy, b } = started();
    const agentCookie = await signIn(proxy.origin, agent);
    // One stream straight on the second process, one through HAProxy (it must stay open there).
    const onB = await connectSse(`${b.baseUrl}/api/v1/events`, agentCookie);
    const throughProxy = await connectSse(`${proxy.origin}/api/v1/events`, agentCookie);
    streams.push(onB, throughProxy);
    for (const stream of [onB, throughProxy]) {
      expect(stream.status).toBe(200);
      await stream.next((m) => m.event === "ready");
    }

    const customerCookie = await signIn(proxy.origin, customer);
    const headers = jsonHeaders(customerCookie, { baseUrl: proxy.origin });
    const categories = (await (await fetch(`${proxy.origin}/api/v1/categories`, { headers })).json()) as {
      items: { id: string }[];
    };
    // Opened until the first process (node1) serves one: round robin gets there on the first or second.
    let opened: { number: number } | undefined;
    for (let attempt = 1; attempt <= 4 && !opened; attempt++) {
      const response = await fetch(`${proxy.origin}/api/v1/tickets`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          categoryId: categories.items[0]?.id,
          subject: `Nota fiscal ${attempt} não foi emitida`,
          description: `A nota fiscal do pedido ${9100 + attempt} não foi emitida pela tela FAT0001.`,
          screenCode: "FAT0001",
          exampleRecord: `pedido ${9100 + attempt}`,
          priority: "normal",
        }),
      });
      expect(response.status).toBe(201);
      const body = (await response.json()) as { number: number };
      if (nodeOf(response) === "node1") opened = body;
    }
    if (!opened) throw new Error("HAProxy never sent the ticket to the first process");
    const number = opened.number;
    for (const stream of [onB, throughProxy]) {
      const event = await stream.next(
        (m) => m.event === "ticket.created" && m.data.ticketNumber === number,
        5_000,
      );
      expect(event.data).toMatchObject({ ticketNumber: number, status: "open" });
    }
  });

  it("fires an SLA warning and breach once, though both processes sweep for them every second", async () => {
    const { proxy } = started();
    if (!database) throw new Error("setup failed");
    const customerCookie = await signIn(proxy.origin, customer);
    const headers = jsonHeaders(customerCookie, { baseUrl: proxy.origin });
    const categories = (await (await fetch(`${proxy.origin}/api/v1/categories`, { headers })).json()) as {
      items: { id: string }[];
    };
    const response = await fetch(`${proxy.origin}/api/v1/tickets`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        categoryId: categories.items[0]?.id,
        subject: "Boleto não foi registrado no banco",
        description: "O boleto do título 5531 não foi registrado pela tela FIN0003.",
        screenCode: "FIN0003",
        exampleRecord: "título 5531",
        priority: "high",
      }),
    });
    expect(response.status).toBe(201);
    const { number } = (await response.json()) as { number: number };
    // Its first response came due a moment ago (and should have been warned of before that).
    const past = Date.now() - 60_000;
    const moved = await database.query<{ id: string }>(
      `update sla_clock set warn_at = ${past - 60_000}, due_at = ${past}
        where metric = 'first_response' and ticket_id = (select id from ticket where number = ${number})
        returning id`,
    );
    expect(moved).toHaveLength(1);

    const firings = () =>
      database?.query<{ type: string; count: number }>(
        `select type, count(*)::int as count from ticket_event
          where type in ('sla_warning', 'sla_breach') and ticket_id = (select id from ticket where number = ${number})
          group by type order by type`,
      );
    const deadline = Date.now() + 15_000;
    while ((await firings())?.length !== 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Several more sweeps by each process: none fires the clock again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await firings()).toEqual([
      { type: "sla_breach", count: 1 },
      { type: "sla_warning", count: 1 },
    ]);
    // This ticket's notifications: the demo's own tickets may come due meanwhile, depending on the hour.
    const ofTicket = `ticket_id = (select id from ticket where number = ${number})`;
    const perRecipient = await database.query<{ recipient_id: string; type: string; count: number }>(
      `select recipient_id, type, count(*)::int as count from notification
        where type in ('sla_warning', 'sla_breach') and ${ofTicket}
        group by recipient_id, type having count(*) > 1`,
    );
    expect(perRecipient).toEqual([]);
    const notified = await database.query<{ type: string }>(
      `select distinct type from notification
        where type in ('sla_warning', 'sla_breach') and ${ofTicket} order by type`,
    );
    expect(notified.map((row) => row.type)).toEqual(["sla_breach", "sla_warning"]);
  });
});
