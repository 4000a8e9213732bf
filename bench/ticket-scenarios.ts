// The customer portal's hot paths on 100 000 generated tickets across 200 companies: the company's
// ticket list (first page and a deep cursor), text search and a ticket's page.
import { signIn } from "./demo-session";
import type { RunningServer } from "./servers";
import { GENERATED_CUSTOMER } from "./tickets-data";
import type { HttpScenario, HttpTarget } from "./types";

interface TicketPage {
  items: { number: number }[];
  nextCursor: string | null;
}

/** The demo agent, seeded before the tickets were generated. */
const DEMO_AGENT = { email: "juliana.prado@uno.com.br", password: "extranet-demo" };

// Sessions are per server and user: sign in once and share the cookie between the scenarios.
const sessions = new WeakMap<RunningServer, Map<string, Promise<string>>>();
function sessionFor(
  server: RunningServer,
  credentials: { email: string; password: string },
): Promise<string> {
  const byUser = sessions.get(server) ?? new Map<string, Promise<string>>();
  sessions.set(server, byUser);
  let cookie = byUser.get(credentials.email);
  if (!cookie) {
    cookie = signIn(server.origin, credentials);
    byUser.set(credentials.email, cookie);
  }
  return cookie;
}
const cookieFor = (server: RunningServer) => sessionFor(server, GENERATED_CUSTOMER);
const agentCookieFor = (server: RunningServer) => sessionFor(server, DEMO_AGENT);

async function page(server: RunningServer, cookie: string, query: string): Promise<TicketPage> {
  const response = await fetch(`${server.origin}/api/v1/tickets?${query}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`ticket list answered ${response.status}`);
  return (await response.json()) as TicketPage;
}

async function authenticated(server: RunningServer, path: string): Promise<HttpTarget> {
  return { path, headers: { cookie: await cookieFor(server) } };
}

/** A cursor about 400 tickets deep into the company's ~500. */
async function deepCursor(server: RunningServer): Promise<string> {
  const cookie = await cookieFor(server);
  let cursor: string | null = null;
  for (let i = 0; i < 4; i++) {
    const next: TicketPage = await page(
      server,
      cookie,
      `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  if (!cursor) throw new Error("the generated company has too few tickets for a deep cursor");
  return cursor;
}

/**
 * On PostgreSQL the issue sets its goals at 1 000 000 tickets with two processes
 * (`BENCH_TICKETS=1000000 npm run bench -- --dialect postgres --nodes 2`): a page at a quarter of its limit.
 */
export const PG_PAGE_GOAL = { minRatioToLimit: 0.25, dialect: "postgres" } as const;

export const ticketScenarios: HttpScenario[] = [
  {
    kind: "http",
    name: "tickets-list",
    description: "A customer's “Lista de ocorrências”, first page of 25 (100k tickets, 200 companies)",
    server: "extranet-tickets",
    goal: [{ minRatioToLimit: 0.5, dialect: "sqlite" }, PG_PAGE_GOAL],
    target: (server) => authenticated(server, "/api/v1/tickets?limit=25"),
  },
  {
    kind: "http",
    name: "tickets-deep",
    description: "The same list from a cursor ~400 tickets deep",
    server: "extranet-tickets",
    goal: [{ minRatioToLimit: 0.5, dialect: "sqlite" }, PG_PAGE_GOAL],
    target: async (server) =>
      authenticated(
        server,
        `/api/v1/tickets?limit=25&cursor=${encodeURIComponent(await deepCursor(server))}`,
      ),
  },
  {
    kind: "http",
    name: "tickets-search",
    description: "The list searched by text (accent-insensitive, stemmed): “conciliacao lancamentos”",
    server: "extranet-tickets",
    goal: [
      { maxPacedP99Ms: 50, dialect: "sqlite" },
      { maxPacedP99Ms: 50, dialect: "postgres" },
    ],
    target: (server) => authenticated(server, "/api/v1/tickets?limit=25&q=conciliacao%20lancamentos"),
  },
  {
    kind: "http",
    name: "ticket-detail",
    description: "A ticket's page: the ticket, its history and attachments",
    server: "extranet-tickets",
    goal: [{ minRatioToLimit: 0.5, dialect: "sqlite" }, PG_PAGE_GOAL],
    target: async (server) => {
      const cookie = await cookieFor(server);
      const first = (await page(server, cookie, "limit=1&status=resolved")).items[0];
      if (!first) throw new Error("no resolved ticket to open");
      return { path: `/api/v1/tickets/${first.number}`, headers: { cookie } };
    },
  },
  {
    kind: "http",
    name: "sla-at-risk",
    description: "Staff's “vence em breve / violado”: running deadlines soonest first (~40 000 open clocks)",
    server: "extranet-tickets",
    goal: { maxP99Ms: 20, dialect: "sqlite" },
    target: async (server) => ({
      path: "/api/v1/sla/at-risk?limit=25",
      headers: { cookie: await agentCookieFor(server) },
    }),
  },
];
