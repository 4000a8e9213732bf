// The servers scenarios run against, each started once per run on first use and stopped at the end.

import path from "node:path";
import { ensureServerBuilt } from "./build";
import { type ChildServer, startChildServer } from "./child-server";
import { generateTickets } from "./tickets-data";

export type ServerName = "bare" | "extranet" | "extranet-tickets" | "extranet-mail" | "extranet-quiet";

export interface RunningServer extends ChildServer {
  name: ServerName;
}

interface ServerRecipe {
  /** Arguments to `node` after the bench's own flags (such as --cpu-prof). */
  script: string[];
  readyPath: string;
  env: (databaseEnv: Record<string, string>) => Record<string, string>;
  prepare?: (context: { log: (line: string) => void; databaseEnv: Record<string, string> }) => Promise<void>;
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
    prepare: async ({ log }) => ensureServerBuilt(log),
  },
  // The ticket scenarios' server: its own SQLite file (or the same PostgreSQL database) with the demo
  // seed and the generated tickets written before it starts.
  "extranet-tickets": {
    script: ["bin/extranet.mjs", "serve"],
    readyPath: "/health",
    env: (databaseEnv) => ticketsEnv(databaseEnv),
    prepare: async ({ log, databaseEnv }) => {
      await ensureServerBuilt(log);
      await generateTickets(ticketsEnv(databaseEnv), log);
    },
  },
  // The ticket-opening scenarios' two demo servers, each in a data directory of its own: one writes
  // every ticket's e-mails into the outbox, the other (MAIL_NOTIFICATIONS=off) writes none.
  "extranet-mail": {
    script: ["bin/extranet.mjs", "serve"],
    readyPath: "/health",
    env: (databaseEnv) => ownDemoEnv(databaseEnv, "mail", { MAIL_NOTIFICATIONS: "on" }),
    prepare: async ({ log }) => ensureServerBuilt(log),
  },
  "extranet-quiet": {
    script: ["bin/extranet.mjs", "serve"],
    readyPath: "/health",
    env: (databaseEnv) => ownDemoEnv(databaseEnv, "quiet", { MAIL_NOTIFICATIONS: "off" }),
    prepare: async ({ log }) => ensureServerBuilt(log),
  },
};

/** The demo seed in a data directory of its own (on PostgreSQL, the run's database is shared). */
function ownDemoEnv(
  databaseEnv: Record<string, string>,
  directory: string,
  extra: Record<string, string>,
): Record<string, string> {
  return {
    ...databaseEnv,
    EXTRANET_DATA_DIR: path.join(databaseEnv.EXTRANET_DATA_DIR ?? "", directory),
    EXTRANET_SEED_DEMO: "true",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

function ticketsEnv(databaseEnv: Record<string, string>): Record<string, string> {
  return ownDemoEnv(databaseEnv, "tickets", {});
}

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
    await recipe.prepare?.({ log: options.log, databaseEnv: options.databaseEnv });
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
      if (existing !== undefined) return existing;
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
