// Measures one scenario once: against its server over HTTP, or through its own measure().
import type { BenchDatabase, Dialect } from "./database";
import { loadTest } from "./load";
import type { ServerPool } from "./servers";
import type { Figures, HttpScenario, HttpTarget, LoadSettings, Scenario } from "./types";

export interface MeasureContext {
  servers: ServerPool;
  settings: LoadSettings;
  dialect: Dialect;
  log: (line: string) => void;
  freshDatabase: () => Promise<BenchDatabase>;
  nodeFlags: string[];
}

/** Measures scenarios round after round; an HTTP scenario's setup (sign-in, data) runs only once. */
export function createMeasurer(context: MeasureContext): (scenario: Scenario) => Promise<Figures> {
  const targets = new Map<string, Promise<HttpTarget>>();
  const targetOf = async (scenario: HttpScenario) => {
    const server = await context.servers.get(scenario.server);
    let target = targets.get(scenario.name);
    if (!target) {
      target = scenario.target(server);
      targets.set(scenario.name, target);
    }
    return { server, target: await target };
  };

  return async (scenario) => {
    const { settings, log } = context;
    if (scenario.kind === "measured") {
      log(`measuring ${scenario.name}`);
      const server = scenario.server ? await context.servers.get(scenario.server) : undefined;
      return scenario.measure({
        settings,
        dialect: context.dialect,
        log,
        server,
        freshDatabase: context.freshDatabase,
        nodeFlags: context.nodeFlags,
      });
    }
    const { server, target } = await targetOf(scenario);
    const request = `${target.method ?? "GET"} ${target.path}`;
    log(`measuring ${scenario.name}: ${request} for ${settings.durationSeconds} s`);
    return loadTest(server, target, settings);
  };
}
