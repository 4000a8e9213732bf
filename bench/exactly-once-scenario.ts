// Exactly once, under load. The scenario starts the run's server layout itself (with --nodes 2, two
// `extranet serve` processes on one PostgreSQL database behind HAProxy; else one process), with
// e-mail going to a local SMTP sink, a webhook endpoint registered on a local receiver, the SLA
// sweeper every second and a plan whose deadlines are due at once, and holds agents' event streams
// on every process. Customers open tickets and agents reply through the front door for the
// scenario's duration; once the outbox, the webhook deliveries and the sweeper have drained, it
// counts. Every e-mail the outbox sent arrived once (by Message-ID), every webhook delivery once (by
// webhook-id), every ticket.* event of the run's tickets reached every stream once, every clock the
// sweeper claimed wrote one history event, one webhook and one live event per stream. Anything else
// fails the scenario with the list. Figures: ticket commands per second, p99 of event delivery.
import http from "node:http";
import { ensureServerBuilt } from "./build";
import type { BenchDatabase } from "./database";
import { signIn } from "./demo-session";
import {
  compareTallies,
  countInto,
  onlyTickets,
  openStore,
  Problems,
  type SlaState,
  type Store,
  slaKey,
  type Tally,
  type Written,
} from "./exactly-once-count";
import { startCluster } from "./haproxy";
import { cpuMicroseconds } from "./process-cpu";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";
import type { MeasuredScenario } from "./types";

const PASSWORD = "extranet-demo";
const ADMIN = "renata.albuquerque@uno.com.br";
const AGENTS = ["juliana.prado@uno.com.br", "marcos.teixeira@uno.com.br"];
/** The demo's six customers, in its three companies. */
const CUSTOMERS = [
  "bruno.carvalho@paulistaalimentos.com.br",
  "fernanda.lima@paulistaalimentos.com.br",
  "ana.rocha@valedoaco.ind.br",
  "paulo.souza@valedoaco.ind.br",
  "luciana.bertolini@serragaucha.com.br",
  "rafael.zanella@serragaucha.com.br",
];
/** Concurrent customers, each opening a ticket, having it answered and answering back, again and again. */
const WORKERS = 12;
const SWEEP_SECONDS = 1;
/** How long the outbox, the webhooks and the sweeper may take to finish after the load. */
const DRAIN_TIMEOUT_MS = 180_000;
/** After draining: a duplicate would arrive after its row was marked done. */
const SETTLE_MS = 2_000;
/** Deadlines due as soon as they start, counted around the clock: every clock left running fires. */
const AT_ONCE = {
  firstResponseMinutes: 0,
  nextResponseMinutes: 0,
  resolutionMinutes: 0,
  businessHours: false,
};

export const exactlyOnceScenario: MeasuredScenario = {
  kind: "measured",
  name: "exactly-once",
  description:
    `${WORKERS} customers open tickets and agents reply through the run's layout (--nodes); e-mails, ` +
    "webhooks, live events on every process's streams and SLA firings counted once drained: any " +
    "duplicate or loss fails it. Ticket commands/s, p99 of event delivery",
  measure: async ({ settings, log, freshDatabase, nodeFlags, nodes }) => {
    await ensureServerBuilt(log);
    const database = await freshDatabase();
    let sink: SmtpSink | undefined;
    let receiver: WebhookReceiver | undefined;
    let layout: Layout | undefined;
    let store: Store | undefined;
    const consoles: Console[] = [];
    try {
      sink = await startSmtpSink();
      receiver = await startWebhookReceiver();
      layout = await startLayout(nodes, database, sink, nodeFlags, log);
      store = openStore(database.env);
      const { customers, agents } = await prepare(layout.origin, receiver.url, log);
      // Each agent's stream straight on each process: events raised on one must reach the others.
      for (const [index, origin] of layout.nodes.entries()) {
        for (const [agent, cookie] of agents.entries()) {
          consoles.push(await openConsole(origin, cookie, `node ${index + 1}, agent ${agent + 1}`));
        }
      }
      log(`${consoles.length} event streams open; ${WORKERS} customers for ${settings.durationSeconds} s`);
      const cpuBefore = await cpuMicroseconds(layout.pids);
      const load = await putUnderLoad(layout.origin, customers, agents, settings.durationSeconds);
      log(
        `${load.commands} ticket commands in ${load.seconds.toFixed(1)} s on ${load.tickets.size} tickets, ` +
          `each answered in ${spread(load.durations)}` +
          (load.errors.length > 0 ? `; ${load.errors.length} failed` : ""),
      );
      await drain(store, log);
      const cpuAfter = await cpuMicroseconds(layout.pids);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const written = await store.written();
      const problems = new Problems();
      for (const error of load.errors) problems.add(error);
      for (const c of consoles) if (c.ended) problems.add(`the stream ${c.label} ended during the run`);
      checkEmails(problems, written, sink, log);
      checkWebhooks(problems, written, receiver, log);
      checkSla(problems, written, receiver, load.tickets, log);
      const latencies = checkLiveEvents(problems, consoles, load.tickets, written, log);
      if (problems.count > 0) {
        throw new Error(`not exactly once (${problems.count} problems):\n  ${problems.toString()}`);
      }
      log(`events delivered (from sending their command) in ${spread(latencies)}`);
      return {
        requestsPerSecond: load.commands / load.seconds,
        p99Ms: Math.round(quantile(latencies, 0.99) * 10) / 10,
        // Everything a command sets off, its e-mails, webhooks and SLA firings included.
        ...(cpuBefore !== undefined &&
          cpuAfter !== undefined &&
          load.commands > 0 && { serverCpuUs: (cpuAfter - cpuBefore) / load.commands }),
      };
    } finally {
      for (const c of consoles) c.close();
      await store?.close();
      await layout?.stop();
      await receiver?.close();
      await sink?.close();
      await database.drop();
    }
  },
};

/** The `q` quantile of `values` (sorted in place). */
function quantile(values: number[], q: number): number {
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
}

const spread = (values: number[]) =>
  `p50 ${quantile(values, 0.5).toFixed(1)} ms, p99 ${quantile(values, 0.99).toFixed(1)} ms, ` +
  `max ${quantile(values, 1).toFixed(1)} ms`;

interface Layout {
  /** Where customers and agents send their requests: HAProxy, or the one process. */
  origin: string;
  /** Each process's own origin. */
  nodes: string[];
  pids: (number | undefined)[];
  stop: () => Promise<void>;
}

/** `count` processes on the database (the first migrates and seeds), behind HAProxy when several. */
async function startLayout(
  count: number,
  database: BenchDatabase,
  sink: SmtpSink,
  nodeFlags: string[],
  log: (line: string) => void,
): Promise<Layout> {
  log(`starting ${count === 1 ? "one server process" : `${count} server processes behind HAProxy`}`);
  const env = {
    ...database.env,
    EXTRANET_SEED_DEMO: "true",
    LOG_LEVEL: "warn",
    SMTP_URL: sink.url,
    WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    SLA_SWEEP_SECONDS: String(SWEEP_SECONDS),
  };
  const cluster = await startCluster(
    {
      label: "exactly-once",
      nodeArgs: [...nodeFlags, "bin/extranet.mjs", "serve"],
      env,
      readyPath: "/health",
    },
    count,
  );
  return {
    origin: cluster.origin,
    nodes: cluster.nodes.map((node) => node.origin),
    pids: cluster.nodes.map((node) => node.pid),
    stop: cluster.stop,
  };
}

async function call<T>(
  origin: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { cookie, origin, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300)
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

interface Customer {
  cookie: string;
  categoryId: string;
}

/**
 * As the admin: a 24×7 calendar and a plan whose deadlines are due at once, given to every demo
 * company, and the webhook endpoint for every event. Then everyone signs in.
 */
async function prepare(
  origin: string,
  webhookUrl: string,
  log: (line: string) => void,
): Promise<{ customers: Customer[]; agents: string[] }> {
  const admin = await signIn(origin, { email: ADMIN, password: PASSWORD });
  const allDay = [["00:00", "24:00"]];
  const calendar = await call<{ id: string }>(origin, admin, "POST", "/api/v1/calendars", {
    name: "Bench 24×7",
    weeklyHours: {
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
      sun: allDay,
    },
    holidays: null,
  });
  const plan = await call<{ id: string }>(origin, admin, "POST", "/api/v1/plans", {
    name: "Bench: prazos imediatos",
    calendarId: calendar.id,
    services: {
      portal: true,
      phone: false,
      email: true,
      remoteConsultancy: false,
      onSiteConsultancy: false,
      consultancyHoursPerMonth: 0,
    },
    targets: { low: AT_ONCE, normal: AT_ONCE, high: AT_ONCE, urgent: AT_ONCE },
  });
  const companies = await call<{ items: { id: string }[] }>(origin, admin, "GET", "/api/v1/companies");
  for (const company of companies.items) {
    await call(origin, admin, "PATCH", `/api/v1/companies/${company.id}`, { planId: plan.id });
  }
  await call(origin, admin, "POST", "/api/v1/webhooks", {
    url: webhookUrl,
    events: ["ticket.created", "ticket.updated", "message.created", "sla.warning", "sla.breached"],
  });
  log(`plan with immediate deadlines on ${companies.items.length} companies; webhook registered`);
  const agents = await Promise.all(AGENTS.map((email) => signIn(origin, { email, password: PASSWORD })));
  const customers = await Promise.all(
    CUSTOMERS.map(async (email) => {
      const cookie = await signIn(origin, { email, password: PASSWORD });
      const categories = await call<{ items: { id: string }[] }>(origin, cookie, "GET", "/api/v1/categories");
      const categoryId = categories.items[0]?.id;
      if (!categoryId) throw new Error(`${email} sees no category`);
      return { cookie, categoryId };
    }),
  );
  return { customers, agents };
}

/** A ticket the load opened: when its opening and each of its public messages were sent. */
export interface BenchTicket {
  openSentAt: number;
  messageSentAt: number[];
}

interface Load {
  tickets: Map<number, BenchTicket>;
  commands: number;
  /** Each command's round trip, in milliseconds. */
  durations: number[];
  seconds: number;
  errors: string[];
}

/**
 * WORKERS customers, each in a loop until the time is up: opens a ticket, an agent answers it, the
 * customer answers back (a next-response deadline starts, for the sweeper). Every request goes
 * through `origin`; a failed one stops its worker and is reported.
 */
async function putUnderLoad(
  origin: string,
  customers: Customer[],
  agents: string[],
  seconds: number,
): Promise<Load> {
  const tickets = new Map<number, BenchTicket>();
  const errors: string[] = [];
  const durations: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  const worker = async (index: number) => {
    const customer = customers[index % customers.length] as Customer;
    const agent = agents[index % agents.length] as string;
    try {
      for (let round = 1; performance.now() < end; round++) {
        const ticket: BenchTicket = { openSentAt: performance.now(), messageSentAt: [] };
        const { number } = await call<{ number: number }>(
          origin,
          customer.cookie,
          "POST",
          "/api/v1/tickets",
          {
            categoryId: customer.categoryId,
            subject: `Pedido ${index}-${round} não fatura`,
            description: `O pedido ${index}-${round} fica bloqueado na tela de faturamento. Favor verificar.`,
            screenCode: "FAT0001",
            exampleRecord: `pedido ${index}-${round}`,
            priority: "normal",
          },
        );
        tickets.set(number, ticket);
        durations.push(performance.now() - ticket.openSentAt);
        for (const [cookie, body] of [
          [agent, `Bom dia. O pedido ${index}-${round} foi liberado; pode faturar de novo?`],
          [customer.cookie, "Faturou, obrigado."],
        ] as const) {
          const sentAt = performance.now();
          ticket.messageSentAt.push(sentAt);
          await call(origin, cookie, "POST", `/api/v1/tickets/${number}/messages`, { body });
          durations.push(performance.now() - sentAt);
        }
      }
    } catch (error) {
      errors.push(`customer ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
  const elapsed = (performance.now() - started) / 1000;
  return { tickets, commands: durations.length, durations, seconds: elapsed, errors };
}

/** Waits until no e-mail, delivery or clock is left to do (or the time runs out, then counts anyway). */
async function drain(store: Store, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  let nextLog = started + 5_000;
  for (;;) {
    const backlog = await store.backlog(Date.now());
    const left = `${backlog.emails} e-mails, ${backlog.webhooks} webhook deliveries, ${backlog.clocks} SLA clocks`;
    if (backlog.emails + backlog.webhooks + backlog.clocks === 0) {
      log(`drained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    if (Date.now() - started > DRAIN_TIMEOUT_MS) {
      log(`still to do after ${DRAIN_TIMEOUT_MS / 1000} s: ${left}; counting anyway`);
      return;
    }
    if (Date.now() >= nextLog) {
      log(`waiting for ${left}`);
      nextLog += 5_000;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function checkEmails(
  problems: Problems,
  written: Written,
  sink: SmtpSink,
  log: (line: string) => void,
): void {
  const sent: Tally = new Map();
  for (const email of written.emails) {
    if (email.state === "sent") sent.set(email.messageId, 1);
    else problems.add(`e-mail ${email.messageId} left ${email.state}`);
  }
  compareTallies(problems, "e-mail", sent, new Map(sink.received));
  log(
    `e-mails: ${sent.size} sent by the outbox, ${sink.arrivals.length} arrived (${sink.received.size} distinct)`,
  );
  if (sent.size === 0) problems.add("the outbox sent no e-mail: nothing was checked");
}

function checkWebhooks(
  problems: Problems,
  written: Written,
  receiver: WebhookReceiver,
  log: (line: string) => void,
): void {
  const delivered: Tally = new Map();
  for (const delivery of written.webhooks) {
    if (delivery.state === "sent") delivered.set(delivery.id, 1);
    else problems.add(`webhook delivery ${delivery.id} left ${delivery.state}`);
  }
  compareTallies(problems, "webhook delivery", delivered, receiver.received);
  const arrived = [...receiver.received.values()].reduce((sum, n) => sum + n, 0);
  log(`webhooks: ${delivered.size} delivered, ${arrived} arrived (${receiver.received.size} distinct)`);
  if (delivered.size === 0) problems.add("no webhook was delivered: nothing was checked");
}

/**
 * Each clock the sweeper claimed (its warned_at / breached_at) wrote one history event, everywhere;
 * on the run's tickets (the webhook came later than the demo's first sweeps), one webhook too.
 */
function checkSla(
  problems: Problems,
  written: Written,
  receiver: WebhookReceiver,
  tickets: ReadonlyMap<number, BenchTicket>,
  log: (line: string) => void,
): void {
  compareTallies(problems, "SLA history event", written.firings, written.slaEvents);
  const numbers = new Set(tickets.keys());
  const ours = onlyTickets(written.firings, numbers);
  compareTallies(problems, "SLA webhook", ours, onlyTickets(receiver.sla, numbers));
  const fired = [...ours.values()].reduce((sum, n) => sum + n, 0);
  const all = [...written.firings.values()].reduce((sum, n) => sum + n, 0);
  log(`SLA: ${all} warnings and breaches fired (${fired} on the run's tickets)`);
  if (fired === 0) problems.add("the sweeper fired nothing on the run's tickets: nothing was checked");
}

/**
 * On every stream, for each of the run's tickets: one ticket.created, one ticket.message per public
 * message, one ticket.sla per firing; any other ticket.* event once (by its content, which carries
 * the instant of its change) and on every stream. Returns the delivery latencies of the created
 * and message events, from just before the request was sent to the arrival.
 */
function checkLiveEvents(
  problems: Problems,
  consoles: readonly Console[],
  tickets: ReadonlyMap<number, BenchTicket>,
  written: Written,
  log: (line: string) => void,
): number[] {
  const numbers = new Set(tickets.keys());
  const firings = onlyTickets(written.firings, numbers);
  const expected: Tally = new Map(firings);
  for (const [number, ticket] of tickets) {
    expected.set(`${number} ticket.created`, 1);
    expected.set(`${number} ticket.message`, ticket.messageSentAt.length);
  }
  const latencies: number[] = [];
  const others = new Map<string, Set<string>>();
  const union = new Set<string>();
  let receipts = 0;
  for (const c of consoles) {
    const arrived: Tally = new Map();
    const other: Tally = new Map();
    const seen = new Map<number, number>();
    for (const receipt of c.receipts) {
      const number = Number(receipt.data.ticketNumber);
      const ticket = tickets.get(number);
      if (!receipt.type.startsWith("ticket.") || !ticket) continue;
      receipts += 1;
      if (receipt.type === "ticket.created") {
        countInto(arrived, `${number} ticket.created`);
        latencies.push(receipt.at - ticket.openSentAt);
      } else if (receipt.type === "ticket.message") {
        countInto(arrived, `${number} ticket.message`);
        // The n-th message event of a ticket is its n-th message: each was sent after the last answered.
        const nth = seen.get(number) ?? 0;
        seen.set(number, nth + 1);
        const sentAt = ticket.messageSentAt[nth];
        if (sentAt !== undefined) latencies.push(receipt.at - sentAt);
      } else if (receipt.type === "ticket.sla") {
        countInto(arrived, slaKey(number, String(receipt.data.metric), receipt.data.state as SlaState));
      } else {
        countInto(other, `${receipt.type} ${JSON.stringify(receipt.data)}`);
      }
    }
    compareTallies(problems, `stream ${c.label}:`, expected, arrived);
    for (const [key, count] of other) {
      if (count > 1) problems.add(`stream ${c.label}: ${key} arrived ${count}×`);
      union.add(key);
    }
    others.set(c.label, new Set(other.keys()));
  }
  for (const [label, keys] of others) {
    for (const key of union) if (!keys.has(key)) problems.add(`stream ${label}: ${key} never arrived`);
  }
  log(
    `live events: ${receipts} receipts of the run's tickets on ${consoles.length} streams ` +
      `(${expected.size} kinds of event per stream expected, ${union.size} others)`,
  );
  return latencies;
}

interface Receipt {
  type: string;
  data: Record<string, unknown>;
  /** performance.now() at arrival. */
  at: number;
}

interface Console {
  label: string;
  receipts: Receipt[];
  /** The server ended the stream before the bench did. */
  ended: boolean;
  close: () => void;
}

/** Holds GET /api/v1/events open on `origin`, keeping every event; resolves once it is live. */
function openConsole(origin: string, cookie: string, label: string): Promise<Console> {
  const url = new URL("/api/v1/events", origin);
  return new Promise((resolve, reject) => {
    let closing = false;
    const request = http.get(
      { host: url.hostname, port: url.port, path: url.pathname, headers: { cookie }, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`the event stream ${label} answered ${response.statusCode}`));
          response.resume();
          return;
        }
        const stream: Console = {
          label,
          receipts: [],
          ended: false,
          close: () => {
            closing = true;
            request.destroy();
          },
        };
        response.on("close", () => {
          if (!closing) stream.ended = true;
        });
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let type = "";
            let data: Record<string, unknown> = {};
            for (const line of block.split("\n")) {
              if (line.startsWith("event: ")) type = line.slice(7);
              else if (line.startsWith("data: ")) data = JSON.parse(line.slice(6)) as Record<string, unknown>;
            }
            if (type === "ready") resolve(stream);
            else if (type !== "") stream.receipts.push({ type, data, at });
          }
        });
      },
    );
    request.on("error", (error) => {
      if (!closing) reject(error);
    });
  });
}

interface WebhookReceiver {
  url: string;
  /** How many times each webhook-id arrived. */
  received: Tally;
  /** The SLA events that arrived, by `slaKey`. */
  sla: Tally;
  close: () => Promise<void>;
}

/** A local endpoint answering 204 to every delivery, counting them by webhook-id. */
async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Tally = new Map();
  const sla: Tally = new Map();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      countInto(received, String(request.headers["webhook-id"]));
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        type: string;
        data: { ticket?: { number: number }; metric?: string };
      };
      if (body.type === "sla.warning" || body.type === "sla.breached") {
        const state = body.type === "sla.warning" ? "warning" : "breach";
        countInto(sla, slaKey(body.data.ticket?.number ?? 0, body.data.metric ?? "?", state));
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/extranet`,
    received,
    sla,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
