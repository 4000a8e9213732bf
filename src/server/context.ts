// What every service receives: configuration, the database and a clock that tests can move.
import type { Config } from "./config";
import type { Connection } from "./db/connect";
import type { Db } from "./db/schema";
import type { LiveBus } from "./events/bus";

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface AppContext {
  config: Config;
  db: Db;
  connection: Connection;
  clock: Clock;
  /** Live events for open consoles and portals; publish after the transaction commits. */
  live: LiveBus & { ready(): Promise<void> };
  /** This process's outbox worker, when it delivers (SMTP_URL set): told when a command wrote e-mails. */
  mailer?: { nudge(): void } | undefined;
  /** This process's webhook worker: told when a command wrote deliveries. */
  webhooks?: { nudge(): void } | undefined;
}

/** Who issues a command, and from where: recorded in the audit trail. */
export interface CommandMeta {
  actorId: string | null;
  ip: string | null;
  /**
   * The origin one-time links point at: EXTRANET_PUBLIC_URL, or a loopback origin (the embedded
   * quick start); undefined when neither is known, and then no link is issued.
   */
  origin: string | undefined;
  /** The API token the command came with, if any: its audit entries name it. */
  apiToken?: { id: string; name: string } | undefined;
}
