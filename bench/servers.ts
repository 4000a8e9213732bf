// The servers scenarios run against, each started once per run on first use and stopped at the end.

import path from "node:path";
import { ensureServerBuilt } from "./build";
import type { ChildServer } from "./child-server";
import { startCluster } from "./haproxy";
import { generateTickets } from "./tickets-data";

export type ServerName =
  | "bare"
  | "same-bytes"
  | "auth-floor"
  | "extranet"
  | "extranet-tickets"
  | "extranet-mail"
  | "extranet-quiet";

export interface RunningServer extends ChildServer {
  name: ServerName;
  /** The server's processes, whose CPU a measurement sums: one, or every node behind HAProxy. */
  pids: (number | undefined)[];
  /** PostgreSQL: the database its processes use, whose backends' CPU a measurement sums too. */
  databaseName?: string | undefined;
}

interface ServerRecipe {
  /** Arguments to `node` after the bench's own flags (such as --cpu-prof). */
  script: string[];
  readyPath: string;
  /** An Extranet server: with --nodes 2, started twice behind HAProxy. */
  extranet?: boolean;
  /** Not an Extranet server, but one that queries the run's database (whose CPU a measurement sums). */
  readsDatabase?: boolean;
  env: (databaseEnv: Record<string, string>) => Record<string, string>;
  prepare?: (context: { log: (line: string) => void; databaseEnv: Record<string, string> }) => Promise<void>;
}

const recipes: Record<ServerName, ServerRecipe> = {
  bare: {
    script: ["--import", "tsx", "bench/bare-server.ts"],
    readyPath: "/",
    env: () => ({}),
  },
  // Answers, by path, bytes registered with PUT (see same-bytes-server.ts): the same-bytes baselines.
  "same-bytes": {
    script: ["--import", "tsx", "bench/same-bytes-server.ts"],
    readyPath: "/health",
    env: () => ({}),
  },
  // `GET /api/v1/me` with only what authenticating must do, on the `extranet` server's database (see
  // auth-floor-server.ts): the floor of what `me` measures.
  "auth-floor": {
    script: ["--import", "tsx", "bench/auth-floor-server.ts"],
    readsDatabase: true,
    readyPath: "/health",
    env: (databaseEnv) => databaseEnv,
  },
  extranet: {
    script: ["bin/extranet.mjs", "serve"],
    extranet: true,
    readyPath: "/health",
    env: (databaseEnv) => ({ ...databaseEnv, EXTRANET_SEED_DEMO: "true", LOG_LEVEL: "warn" }),
    prepare: async ({ log }) => ensureServerBuilt(log),
  },
  // The ticket scenarios' server: its own SQLite file (or the same PostgreSQL database) with the demo
  // seed and the generated tickets written before it starts.
  "extranet-tickets": {
    script: ["bin/extranet.mjs", "serve"],
    extranet: true,
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
    extranet: true,
    readyPath: "/health",
    env: (databaseEnv) => ownDemoEnv(databaseEnv, "mail", { MAIL_NOTIFICATIONS: "on" }),
    prepare: async ({ log }) => ensureServerBuilt(log),
  },
  "extranet-quiet": {
    script: ["bin/extranet.mjs", "serve"],
    extranet: true,
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

/** The PostgreSQL database named by DATABASE_URL; undefined on SQLite. */
function databaseNameOf(databaseEnv: Record<string, string>): string | undefined {
  const url = databaseEnv.DATABASE_URL;
  return url ? decodeURIComponent(new URL(url).pathname.slice(1)) || undefined : undefined;
}

function ticketsEnv(databaseEnv: Record<string, string>): Record<string, string> {
  return ownDemoEnv(databaseEnv, "tickets", {});
}

export interface ServerPoolOptions {
  databaseEnv: Record<string, string>;
  /** Flags for every server's `node`, e.g. --cpu-prof. */
  nodeFlags: string[];
  /** Extranet processes per server: above 1, they share the database and sit behind HAProxy. */
  nodes: number;
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
    const nodes = recipe.extranet ? options.nodes : 1;
    const databaseName =
      recipe.extranet || recipe.readsDatabase ? databaseNameOf(options.databaseEnv) : undefined;
    options.log(`starting the ${name} server${nodes > 1 ? ` (${nodes} nodes behind HAProxy)` : ""}`);
    const spec = {
      nodeArgs: [...options.nodeFlags, ...recipe.script],
      env: recipe.env(options.databaseEnv),
      readyPath: recipe.readyPath,
    };
    const cluster = await startCluster({ ...spec, label: name }, nodes);
    return {
      name,
      origin: cluster.origin,
      pid: cluster.pid,
      pids: cluster.nodes.map((node) => node.pid),
      databaseName,
      stop: cluster.stop,
    };
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
