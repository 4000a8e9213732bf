// What a benchmark scenario is: a request repeated against one of the child servers, or its own measurement.
import type { BenchDatabase, Dialect } from "./database";
import type { RunningServer, ServerName, ServerPool } from "./servers";

/** What measuring one scenario yields. */
export interface Figures {
  /** Requests (or, for a CPU scenario, operations) completed per second. */
  requestsPerSecond: number;
  /** 99th-percentile time of one request (or operation), in milliseconds. */
  p99Ms: number;
  /** On Linux: the server's CPU time per request (or operation), in microseconds. */
  serverCpuUs?: number;
  /** On Linux with a local PostgreSQL: its backends' CPU time per request for the server's database. */
  databaseCpuUs?: number;
  /**
   * For a scenario with a `maxPacedP99Ms` goal: the p99 when requests are sent at a fixed rate,
   * PACED_SHARE of the requests/s above, each timed from when it was due (paced.ts).
   */
  pacedP99Ms?: number;
  /** The requests/s actually served while paced. */
  pacedRequestsPerSecond?: number;
}

/** An issue's target for a scenario; every bound given must hold. */
export interface Goal {
  /** Requests/s at least this fraction of the bare Fastify endpoint's. */
  minRatioToBare?: number;
  /**
   * Requests/s at least this fraction of the page's limit: a bare Fastify server sending the same
   * answer's bytes from memory, plus what authenticating costs (`me` minus `bare`), in the same run.
   */
  minRatioToLimit?: number;
  /** The p99 under saturation: 20 connections always waiting, so it measures mostly their queue. */
  maxP99Ms?: number;
  /**
   * The p99 with requests arriving at PACED_SHARE (half) of the rate measured at saturation in the
   * same round: latency under a load the server keeps up with. Under saturation a closed loop of N
   * connections waits N ÷ throughput on average whatever the code does (Little's law), so a p99 there
   * judges throughput, not latency.
   */
  maxPacedP99Ms?: number;
  /** An absolute throughput, in requests (or operations) per second. */
  minRequestsPerSecond?: number;
  /**
   * Costs at most `ratio` times what scenario `over` costs, measured in the same run: the server's CPU
   * per request where both have it (it barely moves with other load), else the inverse of requests/s.
   */
  maxCostOver?: { scenario: string; ratio: number };
  /** The goal was set for this database; on the other one it is not judged. */
  dialect?: Dialect;
}

/** The load every scenario gets, so that their figures compare. */
export interface LoadSettings {
  connections: number;
  pipelining: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface HttpTarget {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path and query, e.g. /api/v1/me. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface ScenarioBase {
  /** Short and stable: the table's row, the JSON's `scenario`, what --only takes. */
  name: string;
  description: string;
  /** One goal, or one per database (each with its `dialect`): the run judges the one for its database. */
  goal?: Goal | readonly Goal[];
}

export interface HttpScenario extends ScenarioBase {
  kind: "http";
  server: ServerName;
  /**
   * Runs once against the started server (sign in, create data) and names the request to repeat;
   * `servers` starts (or hands back) any other server the setup needs.
   */
  target: (server: RunningServer, servers: ServerPool) => Promise<HttpTarget>;
}

/** A scenario that measures itself, e.g. a pure CPU computation with no server involved. */
export interface MeasuredScenario extends ScenarioBase {
  kind: "measured";
  /** A server the measurement runs against, started like an HTTP scenario's. */
  server?: ServerName;
  measure: (context: {
    settings: LoadSettings;
    dialect: Dialect;
    log: (line: string) => void;
    /** The started `server`, when the scenario names one. */
    server: RunningServer | undefined;
    /** A throwaway database of the run's dialect for this measurement alone; the scenario drops it. */
    freshDatabase: () => Promise<BenchDatabase>;
    /** Flags for `node` of any server the scenario starts itself, e.g. --cpu-prof. */
    nodeFlags: string[];
    /** Extranet processes per server in this run (--nodes): a scenario starting its own does the same. */
    nodes: number;
  }) => Promise<Figures>;
}

export type Scenario = HttpScenario | MeasuredScenario;
