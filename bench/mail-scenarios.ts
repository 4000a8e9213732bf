// E-mail's two costs: opening a ticket with its e-mails written into the outbox, against the same
// server with ticket e-mails off (MAIL_NOTIFICATIONS=off); and the delivery worker draining 10 000
// queued e-mails to a local SMTP server, in e-mails per second.
import { ensureServerBuilt } from "./build";
import { startChildServer } from "./child-server";
import { signInAsDemoCustomer } from "./demo-session";
import { queueTicketEmails } from "./outbox-data";
import { cpuMicroseconds } from "./process-cpu";
import type { RunningServer } from "./servers";
import { startSmtpSink } from "./smtp-sink";
import type { Figures, HttpScenario, HttpTarget, MeasuredScenario } from "./types";

export const DRAINED_EMAILS = Number(process.env.BENCH_EMAILS ?? 10_000);
const DRAIN_TIMEOUT_MS = 10 * 60_000;

/** The form a customer sends: the demo's first category and a screen of its catalog. */
async function openTicketRequest(server: RunningServer): Promise<HttpTarget> {
  const cookie = await signInAsDemoCustomer(server.origin);
  const get = async <T>(url: string): Promise<T> => {
    const response = await fetch(`${server.origin}${url}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const categories = await get<{ items: { id: string }[] }>("/api/v1/categories");
  const screens = await get<{ items: { code: string }[] }>("/api/v1/screens?q=ATW");
  const categoryId = categories.items[0]?.id;
  const screenCode = screens.items[0]?.code;
  if (!categoryId || !screenCode) throw new Error("the demo seed has no category or no ATW screen");
  return {
    method: "POST",
    path: "/api/v1/tickets",
    headers: { cookie, origin: server.origin, "content-type": "application/json" },
    body: JSON.stringify({
      categoryId,
      subject: "E-mail do contato não foi gravado",
      description:
        "Cadastrei o cliente código 100 pela tela de atendimento, porém o e-mail do contato Bruno não foi gravado. Favor verificar.",
      screenCode,
      exampleRecord: "cliente código 100",
      priority: "normal",
    }),
  };
}

const QUIET = "ticket-open-quiet";

export const ticketOpenScenarios: HttpScenario[] = [
  {
    kind: "http",
    name: QUIET,
    description: "A customer opens a ticket, with ticket e-mails off (MAIL_NOTIFICATIONS=off)",
    server: "extranet-quiet",
    target: openTicketRequest,
  },
  {
    kind: "http",
    name: "ticket-open",
    description:
      "A customer opens a ticket and its e-mails are written into the outbox, in the same transaction",
    server: "extranet-mail",
    goal: { minRequestsPerSecond: 1000, maxCostOver: { scenario: QUIET, ratio: 1.1 }, dialect: "sqlite" },
    target: openTicketRequest,
  },
];

export const outboxDrainScenario: MeasuredScenario = {
  kind: "measured",
  name: "outbox-drain",
  description:
    `A server's delivery worker sends ${DRAINED_EMAILS.toLocaleString("en-US")} queued e-mails to a local ` +
    "SMTP server; e-mails/s from the first arrival to the last, p99 of the gap between two arrivals",
  measure: async ({ log, freshDatabase, nodeFlags }) => {
    await ensureServerBuilt(log);
    const database = await freshDatabase();
    const sink = await startSmtpSink();
    let server: Awaited<ReturnType<typeof startChildServer>> | undefined;
    try {
      await queueTicketEmails(database.env, DRAINED_EMAILS, log);
      let cpuAtFirst: Promise<number | undefined> | undefined;
      let countAtFirst = 0;
      const drained = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${sink.arrivals.length} of ${DRAINED_EMAILS} e-mails arrived`)),
          DRAIN_TIMEOUT_MS,
        );
        sink.onArrival((count) => {
          // The server's CPU from the first arrival on: the drain alone, not the start-up.
          if (cpuAtFirst === undefined && server !== undefined) {
            cpuAtFirst = cpuMicroseconds(server.pid);
            countAtFirst = count;
          }
          if (count % 2_000 === 0) log(`${count} e-mails arrived`);
          if (count >= DRAINED_EMAILS) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      server = await startChildServer({
        label: "outbox-drain",
        nodeArgs: [...nodeFlags, "bin/extranet.mjs", "serve"],
        env: {
          ...database.env,
          EXTRANET_SEED_DEMO: "false",
          SMTP_URL: sink.url,
          LOG_LEVEL: "warn",
        },
        readyPath: "/health",
      });
      await drained;
      const cpuAfter = await cpuMicroseconds(server.pid);
      const cpuBefore = await cpuAtFirst;
      if (sink.duplicates > 0) throw new Error(`${sink.duplicates} e-mails arrived twice`);
      return drainFigures(sink.arrivals, cpuBefore, cpuAfter, DRAINED_EMAILS - countAtFirst);
    } finally {
      await server?.stop();
      await sink.close();
      await database.drop();
    }
  },
};

function drainFigures(
  arrivals: readonly number[],
  cpuBefore: number | undefined,
  cpuAfter: number | undefined,
  emailsAfterCpuRead: number,
): Figures {
  const first = arrivals[0] ?? 0;
  const last = arrivals[arrivals.length - 1] ?? 0;
  const gaps = arrivals.slice(1).map((at, i) => at - (arrivals[i] ?? at));
  gaps.sort((a, b) => a - b);
  const p99 = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.99))] ?? 0;
  return {
    requestsPerSecond: last > first ? ((arrivals.length - 1) * 1000) / (last - first) : 0,
    p99Ms: Number(p99.toFixed(2)),
    ...(cpuBefore !== undefined &&
      cpuAfter !== undefined &&
      emailsAfterCpuRead > 0 && { serverCpuUs: (cpuAfter - cpuBefore) / emailsAfterCpuRead }),
  };
}
