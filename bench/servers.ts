// The servers scenarios run against, each started once per run on first use and stopped at the end.

import { ensureServerBuilt } from "./build";
import { type ChildServer, startChildServer } from "./child-server";

export type ServerName = "bare" | "extranet";

export interface RunningServer extends ChildServer {
  name: ServerName;
}

interface ServerRecipe {
  /** Arguments to `node` after the bench's own flags (such as --cpu-prof). */
  script: string[];
  readyPath: string;
  env: (databaseEnv: Record<string, string>) => Record<string, string>;
  prepare?: (log: (line: string) => void) => Promise<void>;
}

const recipes: Record<ServerName, ServerRecipe> = {
  bare: {
    script: ["--import", "tsx", "bench/bare-server.ts"],
    readyPath: "/",
    env: () => ({}),
  },
  extranet: {
    script: ["bin/extranet.mjs", "serve"],
    readyPath: "/health",
    env: (databaseEnv) => ({ ...databaseEnv, EXTRANET_SEED_DEMO: "true", LOG_LEVEL: "warn" }),
    prepare: ensureServerBuilt,
  },
};

export interface ServerPoolOptions {
  databaseEnv: Record<string, string>;
  /** Flags for every server's `node`, e.g. --cpu-prof. */
  nodeFlags: string[];
  log: (line: string) => void;
}

export interface ServerPool {
  get: (name: ServerName) => Promise<RunningServer>;
  stopAll: () => Promise<void>;
}

export function createServerPool(options: ServerPoolOptions): ServerPool {
  const started = new Map<ServerName, Promise<RunningServer>>();

  const start = async (name: ServerName): Promise<RunningServer> => {
    const recipe = recipes[name];
    await recipe.prepare?.(options.log);
    options.log(`starting the ${name} server`);
    const server = await startChildServer({
      label: name,
      nodeArgs: [...options.nodeFlags, ...recipe.script],
      env: recipe.env(options.databaseEnv),
      readyPath: recipe.readyPath,
    });
    return { ...server, name };
  };

  return {
    get: (name) => {
      const existing = started.get(name);
      if (existing) return existing;
      const server = start(name);
      started.set(name, server);
      return server;
    },
    stopAll: async () => {
      const servers = await Promise.allSettled(started.values());
      await Promise.all(
        servers.flatMap((result) => (result.status === "fulfilled" ? [result.value.stop()] : [])),
      );
    },
  };
}
