// The support console's queue on 100 000 generated tickets: every company's open tickets by SLA due
// instant, filtered by priority and category, signed in as the demo agent; first page, deep cursor, and
// the views' counts under the same filters. Then the generator's rare corners: the open queue under a
// screen hardly anyone writes about, and under an old project's tag (all its tickets finished but 5).
import { OLD_PROJECT_TAG, RARE_SCREEN } from "../src/server/cli/generate";
import { signIn } from "./demo-session";
import type { RunningServer } from "./servers";
import { PG_PAGE_GOAL } from "./ticket-scenarios";
import type { HttpScenario, HttpTarget } from "./types";

/** The demo agent, seeded before the tickets were generated. */
const DEMO_AGENT = { email: "juliana.prado@uno.com.br", password: "extranet-demo" };

interface QueuePage {
  items: { number: number }[];
  nextCursor: string | null;
}

const cookies = new WeakMap<RunningServer, Promise<string>>();
function agentCookieFor(server: RunningServer): Promise<string> {
  let cookie = cookies.get(server);
  if (!cookie) {
    cookie = signIn(server.origin, DEMO_AGENT);
    cookies.set(server, cookie);
  }
  return cookie;
}

async function getJson<T>(server: RunningServer, path: string, cookie: string): Promise<T> {
  const response = await fetch(`${server.origin}${path}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** "Abertas", high priority, in the first category, soonest deadline first. */
async function filteredQueue(server: RunningServer, cookie: string): Promise<string> {
  const options = await getJson<{ categories: { id: string }[] }>(
    server,
    "/api/v1/console/queue/options",
    cookie,
  );
  const category = options.categories[0];
  if (!category) throw new Error("the generated data has no categories");
  return `/api/v1/console/queue?view=open&sort=due&priority=high&categoryId=${category.id}`;
}

/** A cursor about 400 tickets into the filtered queue (of ~1 400). */
async function deepCursor(server: RunningServer, cookie: string, path: string): Promise<string> {
  let cursor: string | null = null;
  for (let i = 0; i < 4; i++) {
    const page: QueuePage = await getJson<QueuePage>(
      server,
      `${path}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      cookie,
    );
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  if (!cursor) throw new Error("the filtered queue has too few tickets for a deep cursor");
  return cursor;
}

async function queueTarget(server: RunningServer, deep: boolean): Promise<HttpTarget> {
  const cookie = await agentCookieFor(server);
  const path = await filteredQueue(server, cookie);
  const cursor = deep ? `&cursor=${encodeURIComponent(await deepCursor(server, cookie, path))}` : "";
  return { path: `${path}&limit=25${cursor}`, headers: { cookie } };
}

export const queueScenarios: HttpScenario[] = [
  {
    kind: "http",
    name: "queue-open-due",
    description:
      "The console's open tickets by SLA due instant, high priority in one category: first page of 25",
    server: "extranet-tickets",
    goal: [{ minRatioToLimit: 0.5, dialect: "sqlite" }, PG_PAGE_GOAL],
    target: (server) => queueTarget(server, false),
  },
  {
    kind: "http",
    name: "queue-open-due-deep",
    description: "The same queue from a cursor ~400 tickets deep",
    server: "extranet-tickets",
    goal: [{ minRatioToLimit: 0.5, dialect: "sqlite" }, PG_PAGE_GOAL],
    target: (server) => queueTarget(server, true),
  },
  {
    kind: "http",
    name: "queue-counts",
    description: "How many tickets each queue view holds under the same filters (the console's tabs)",
    server: "extranet-tickets",
    goal: [
      { minRatioToLimit: 0.5, dialect: "sqlite" },
      { ...PG_PAGE_GOAL, maxPacedP99Ms: 20 },
    ],
    target: async (server) => {
      const cookie = await agentCookieFor(server);
      const path = (await filteredQueue(server, cookie)).replace(
        "/api/v1/console/queue?view=open&sort=due&",
        "/api/v1/console/queue/counts?",
      );
      return { path, headers: { cookie } };
    },
  },
  {
    kind: "http",
    name: "queue-rare-screen",
    description: `The console's open tickets by SLA due instant on a screen with about 20 open (${RARE_SCREEN})`,
    server: "extranet-tickets",
    goal: [{ minRatioToLimit: 0.5, dialect: "sqlite" }, PG_PAGE_GOAL],
    target: async (server) => ({
      path: `/api/v1/console/queue?view=open&sort=due&screenCode=${RARE_SCREEN}&limit=25`,
      headers: { cookie: await agentCookieFor(server) },
    }),
  },
  {
    kind: "http",
    name: "queue-rare-tag",
    description: `The same under an old project's tag: 700 to 1,200 tickets, 5 of them open (${OLD_PROJECT_TAG})`,
    server: "extranet-tickets",
    goal: [{ minRatioToLimit: 0.5, dialect: "sqlite" }, PG_PAGE_GOAL],
    target: async (server) => ({
      path: `/api/v1/console/queue?view=open&sort=due&tag=${OLD_PROJECT_TAG}&limit=25`,
      headers: { cookie: await agentCookieFor(server) },
    }),
  },
];
