// Every benchmark scenario, in the order a run measures them; later issues add theirs here.
import { signInAsDemoCustomer } from "./demo-session";
import { exactlyOnceScenario } from "./exactly-once-scenario";
import { liveScenario } from "./live-scenario";
import { outboxDrainScenario, ticketOpenScenarios } from "./mail-scenarios";
import { UsageError } from "./options";
import { queueScenarios } from "./queue-scenarios";
import { measureDueInstants, report } from "./sla/due-instants";
import { ticketScenarios } from "./ticket-scenarios";
import type { Scenario } from "./types";

/** The scenario every other one's requests/s is divided by. */
export const BASELINE = "bare";

export const scenarios: readonly Scenario[] = [
  {
    kind: "http",
    name: BASELINE,
    description: "Fastify hello world, logger off: the ceiling on this machine",
    server: "bare",
    target: async () => ({ path: "/" }),
  },
  {
    kind: "http",
    name: "health",
    description: "GET /health: the full plugin stack and one `select 1`",
    server: "extranet",
    target: async () => ({ path: "/health" }),
  },
  {
    kind: "http",
    name: "me",
    description: "GET /api/v1/me signed in: session lookup, presenter, response schema",
    server: "extranet",
    goal: { minRatioToBare: 0.5 },
    target: async (server) => ({
      path: "/api/v1/me",
      headers: { cookie: await signInAsDemoCustomer(server.origin) },
    }),
  },
  {
    kind: "http",
    name: "me-floor",
    description:
      "GET /api/v1/me with only what authenticating must do (cookie, hash, the app's session query on the " +
      "same database, headers, presenter, serializer): the floor `me` cannot beat",
    server: "auth-floor",
    target: async (_server, servers) => {
      // The session is the demo server's, in its database, which the floor server reads.
      const extranet = await servers.get("extranet");
      return { path: "/api/v1/me", headers: { cookie: await signInAsDemoCustomer(extranet.origin) } };
    },
  },
  ...ticketScenarios,
  liveScenario,
  ...queueScenarios,
  ...ticketOpenScenarios,
  outboxDrainScenario,
  exactlyOnceScenario,
  {
    kind: "measured",
    name: "sla-due-instants",
    description:
      "SLA due instants for 100 000 random (start, target) pairs, against moment-business-time (slow: ~1 min); " +
      "operations/s are ours, the comparison goes to the log",
    measure: async ({ log }) => {
      const result = await measureDueInstants();
      for (const line of report(result).trimEnd().split("\n")) log(line);
      if (result.differences > 0)
        throw new Error(`${result.differences} due instants differ from moment-business-time`);
      return { requestsPerSecond: result.ours, p99Ms: 0 };
    },
  },
];

/** The named scenarios, in registry order; all of them when no name is given. */
export function selectScenarios(names: string[]): Scenario[] {
  if (names.length === 0) return [...scenarios];
  const unknown = names.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    const known = scenarios.map((scenario) => scenario.name).join(", ");
    throw new UsageError(`unknown scenario ${unknown.join(", ")} (known: ${known})`);
  }
  return scenarios.filter((scenario) => names.includes(scenario.name));
}
