// Live event delivery: 200 consoles hold GET /api/v1/events open while a customer replies to a
// ticket again and again; each reply's `ticket.message` event is timed from just before the reply
// is sent (so the figure includes the request itself, an upper bound on commit-to-receipt) to its
// arrival on every console. Reports the p99 over all receipts.
import http from "node:http";
import { signIn } from "./demo-session";
import type { RunningServer } from "./servers";
import type { Figures, MeasuredScenario } from "./types";

const CONSOLES = 200;
const EVENTS = 100;
/** Between replies: the events do not pile up, each is timed on its own. */
const GAP_MS = 40;
const AGENT = { email: "juliana.prado@uno.com.br", password: "extranet-demo" };
const CUSTOMER = { email: "fernanda.lima@paulistaalimentos.com.br", password: "extranet-demo" };

interface Console {
  request: http.ClientRequest;
}

/** Opens one event stream; calls `onMessage(ticketNumber, receivedAt)` for each ticket.message. */
function openConsole(
  server: RunningServer,
  cookie: string,
  onMessage: (ticketNumber: number, at: number) => void,
): Promise<Console> {
  const url = new URL("/api/v1/events", server.origin);
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: url.hostname, port: url.port, path: url.pathname, headers: { cookie }, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`event stream answered ${response.statusCode}`));
          return;
        }
        let buffer = "";
        let ready = false;
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!ready && block.includes("event: ready")) {
              ready = true;
              resolve({ request });
            } else if (block.startsWith("event: ticket.message")) {
              const data = JSON.parse(block.slice(block.indexOf("data: ") + 6)) as { ticketNumber: number };
              onMessage(data.ticketNumber, at);
            }
            end = buffer.indexOf("\n\n");
          }
        });
      },
    );
    request.on("error", reject);
  });
}

async function api(server: RunningServer, cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.origin}${path}`, {
    method,
    headers: { cookie, origin: server.origin, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}`);
  return response.json() as Promise<Record<string, unknown>>;
}

export async function measureLiveDelivery(
  server: RunningServer,
  log: (line: string) => void,
): Promise<Figures> {
  const [agent, customer] = await Promise.all([
    signIn(server.origin, AGENT),
    signIn(server.origin, CUSTOMER),
  ]);
  const categories = (await api(server, customer, "GET", "/api/v1/categories")) as {
    items: { id: string }[];
  };
  const ticket = await api(server, customer, "POST", "/api/v1/tickets", {
    categoryId: categories.items[0]?.id,
    subject: "Benchmark de eventos ao vivo",
    description: "Ocorrência usada para medir a entrega de eventos ao vivo às consoles.",
    screenCode: "ATW0001",
    exampleRecord: "cliente código 100",
    priority: "normal",
  });
  const number = ticket.number as number;

  // sentAt per reply, in order; each receipt is matched to the oldest reply it has not seen yet.
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const received: number[] = [];
  const consoles: Console[] = [];
  log(`opening ${CONSOLES} consoles`);
  for (let i = 0; i < CONSOLES; i++) {
    const index = i;
    received.push(0);
    consoles.push(
      await openConsole(server, agent, (ticketNumber, at) => {
        if (ticketNumber !== number) return;
        const sent = sentAt[received[index] ?? 0];
        received[index] = (received[index] ?? 0) + 1;
        if (sent !== undefined) latencies.push(at - sent);
      }),
    );
  }
  try {
    log(`sending ${EVENTS} replies`);
    const started = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      sentAt.push(performance.now());
      await api(server, customer, "POST", `/api/v1/tickets/${number}/messages`, {
        body: `Resposta ${i + 1}`,
      });
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    const deadline = performance.now() + 5_000;
    while (latencies.length < CONSOLES * EVENTS && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const elapsed = (performance.now() - started) / 1000;
    const missing = CONSOLES * EVENTS - latencies.length;
    if (missing > 0) throw new Error(`${missing} of ${CONSOLES * EVENTS} event receipts never arrived`);
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    log(
      `live delivery: ${latencies.length} receipts on ${CONSOLES} consoles; ` +
        `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
    );
    return { requestsPerSecond: latencies.length / elapsed, p99Ms: Math.round(at(0.99) * 10) / 10 };
  } finally {
    for (const c of consoles) c.request.destroy();
  }
}

export const liveScenario: MeasuredScenario = {
  kind: "measured",
  name: "live-delivery",
  description: `Live event delivery to ${CONSOLES} open consoles (SSE), ${EVENTS} customer replies; receipts/s and p99 from send to receipt`,
  server: "extranet",
  goal: { maxP99Ms: 200 },
  measure: async ({ server, log }) => {
    if (!server) throw new Error("live-delivery needs its server");
    return measureLiveDelivery(server, log);
  },
};
