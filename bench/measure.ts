// Measures one scenario once: against its server over HTTP, or through its own measure().
import type { BenchDatabase, Dialect } from "./database";
import { PACED_SHARE } from "./goals";
import { loadTest } from "./load";
import { type PacedFigures, pacedLoad } from "./paced";
import type { ServerPool } from "./servers";
import type { Figures, HttpScenario, HttpTarget, LoadSettings, Scenario } from "./types";

export interface MeasureContext {
  servers: ServerPool;
  settings: LoadSettings;
  dialect: Dialect;
  log: (line: string) => void;
  freshDatabase: () => Promise<BenchDatabase>;
  nodeFlags: string[];
  /** Extranet processes per server (--nodes). */
  nodes: number;
}

/** One measurement of a scenario and, for an Extranet endpoint, of its same-bytes baseline. */
export interface ScenarioFigures {
  figures: Figures;
  /** A bare Fastify server sending, from memory, the bytes the endpoint answered during its setup. */
  sameBytes?: Figures;
}

/** The server the same-bytes baselines run on. */
const SAME_BYTES_SERVER = "same-bytes";
/** Baselines themselves, which get no same-bytes baseline of their own. */
const BASELINE_SERVERS: ReadonlySet<string> = new Set(["bare", SAME_BYTES_SERVER, "auth-floor"]);

/**
 * Measures scenarios round after round; an HTTP scenario's setup (sign-in, data) runs only once.
 * An HTTP scenario on an Extranet server is followed at once by its same-bytes baseline, so that the
 * two are measured alternately, under the same conditions.
 */
export function createMeasurer(context: MeasureContext): (scenario: Scenario) => Promise<ScenarioFigures> {
  const targets = new Map<string, Promise<{ target: HttpTarget; sameBytes: HttpTarget | undefined }>>();
  const targetOf = async (scenario: HttpScenario) => {
    const server = await context.servers.get(scenario.server);
    let prepared = targets.get(scenario.name);
    if (!prepared) {
      prepared = (async () => {
        const target = await scenario.target(server, context.servers);
        const sameBytes = BASELINE_SERVERS.has(scenario.server)
          ? undefined
          : await registerSameBytes(context.servers, scenario.name, server.origin, target);
        return { target, sameBytes };
      })();
      targets.set(scenario.name, prepared);
    }
    return { server, ...(await prepared) };
  };

  return async (scenario) => {
    const { settings, log } = context;
    if (scenario.kind === "measured") {
      log(`measuring ${scenario.name}`);
      const server = scenario.server ? await context.servers.get(scenario.server) : undefined;
      const figures = await scenario.measure({
        settings,
        dialect: context.dialect,
        log,
        server,
        freshDatabase: context.freshDatabase,
        nodeFlags: context.nodeFlags,
        nodes: context.nodes,
      });
      return { figures };
    }
    const { server, target, sameBytes } = await targetOf(scenario);
    const request = `${target.method ?? "GET"} ${target.path}`;
    log(`measuring ${scenario.name}: ${request} for ${settings.durationSeconds} s`);
    const saturated = await loadTest(server, target, settings);
    const figures = await withPacedLatency(scenario, saturated, (rate) => {
      log(
        `measuring ${scenario.name} paced at ${rate} req/s (${PACED_SHARE * 100}% of ${Math.round(saturated.requestsPerSecond)})`,
      );
      return pacedLoad(server.origin, target, {
        rate,
        durationSeconds: settings.durationSeconds,
        connections: settings.connections,
      });
    });
    if (!sameBytes) return { figures };
    log(`measuring ${scenario.name}'s same bytes from a bare server`);
    const bare = await context.servers.get(SAME_BYTES_SERVER);
    return { figures, sameBytes: await loadTest(bare, sameBytes, settings) };
  };
}

/** Adds the p99 at PACED_SHARE of the saturated rate, for a scenario whose goal bounds it. */
async function withPacedLatency(
  scenario: HttpScenario,
  saturated: Figures,
  measureAt: (rate: number) => Promise<PacedFigures>,
): Promise<Figures> {
  const goals = scenario.goal === undefined ? [] : [scenario.goal].flat();
  if (!goals.some((goal) => goal.maxPacedP99Ms !== undefined)) return saturated;
  const rate = Math.max(1, Math.round(saturated.requestsPerSecond * PACED_SHARE));
  const paced = await measureAt(rate);
  return { ...saturated, pacedP99Ms: paced.p99Ms, pacedRequestsPerSecond: paced.requestsPerSecond };
}

/**
 * Asks the endpoint once for its answer and registers those bytes (and content type) with the
 * same-bytes server; the request that then fetches them. Only for a GET answered 200.
 */
async function registerSameBytes(
  servers: ServerPool,
  name: string,
  origin: string,
  target: HttpTarget,
): Promise<HttpTarget | undefined> {
  if ((target.method ?? "GET") !== "GET") return undefined;
  const response = await fetch(`${origin}${target.path}`, { headers: target.headers ?? {} });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${target.path} answered ${response.status} during setup`);
  const bare = await servers.get(SAME_BYTES_SERVER);
  const path = `/bytes/${encodeURIComponent(name)}`;
  const registered = await fetch(`${bare.origin}${path}`, {
    method: "PUT",
    headers: { "content-type": response.headers.get("content-type") ?? "application/octet-stream" },
    body,
  });
  if (registered.status !== 204) throw new Error(`the same-bytes server answered ${registered.status}`);
  return { path };
}
