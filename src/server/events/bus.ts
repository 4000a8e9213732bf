// Live events: what happened to a ticket, raised after the command's transaction commits, for the
// open consoles and portals (Server-Sent Events, `GET /api/v1/events`). On SQLite the server is one
// process and the bus is an in-process emitter; on PostgreSQL, NOTIFY carries every event to every
// server process (the publisher's own included), each of which hands it to its own streams.
//
// Events are small and name only what a receiver needs to refetch (a ticket number, a status);
// they never carry message bodies. Who may receive one is stated on it and checked per stream.
import { EventEmitter } from "node:events";
import pg from "pg";
import type { DatabaseConfig } from "../config";

export type LiveEventType =
  /** A ticket was opened (portal, phone). */
  | "ticket.created"
  /** A ticket's fields changed: status, priority, assignee, category, tags… */
  | "ticket.updated"
  /** A public message was added (staff reply or customer message). */
  | "ticket.message"
  /** An internal note was added: staff only. */
  | "ticket.note"
  /** An SLA deadline entered "vence em breve" or "violado": staff only. */
  | "ticket.sla"
  /** Someone is viewing or replying to a ticket: staff only. */
  | "presence"
  /** A notification for one user. */
  | "notification"
  /**
   * Internal, never sent to a browser: the streams of a session, a user or a company's users end
   * now (sign-out, password change, deactivation). See `streams-end.ts`.
   */
  | "streams.end";

/**
 * Who may receive an event:
 * - `company`: staff, and the customers of `companyId` (never anything internal);
 * - `staff`: every staff member;
 * - `user`: only `userId`;
 * - `internal`: no browser, only the server processes.
 */
export type LiveAudience =
  | { kind: "company"; companyId: string }
  | { kind: "staff" }
  | { kind: "user"; userId: string }
  | { kind: "internal" };

export interface LiveEvent {
  type: LiveEventType;
  audience: LiveAudience;
  /** What the client needs to refresh: ticket number, new status, presence state… */
  data: Record<string, string | number | boolean | null>;
  /** Epoch milliseconds when the change committed. */
  at: number;
}

export type LiveListener = (event: LiveEvent) => void;

export interface LiveBus {
  /** Call after the transaction commits; never throws (a lost live event costs a refresh, not data). */
  publish(event: LiveEvent): Promise<void>;
  /** Every event from every process; returns the unsubscribe. */
  subscribe(listener: LiveListener): () => void;
  close(): Promise<void>;
}

/** NOTIFY payloads are capped at 8000 bytes; events are far smaller, and a bigger one is a bug. */
const MAX_PAYLOAD = 7_900;

class LocalBus implements LiveBus {
  protected readonly emitter = new EventEmitter();
  constructor() {
    // Hundreds of open consoles are hundreds of listeners: expected, not a leak.
    this.emitter.setMaxListeners(0);
  }
  async publish(event: LiveEvent): Promise<void> {
    this.deliver(event);
  }
  subscribe(listener: LiveListener): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
  protected deliver(event: LiveEvent): void {
    this.emitter.emit("event", event);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * LISTEN on one dedicated connection, opened with the first subscriber (CLI commands never open
 * it); NOTIFY through a small pool of its own. A lost connection is reopened with backoff.
 */
class PostgresBus extends LocalBus {
  private listener: pg.Client | undefined;
  private listening: Promise<void> | undefined;
  private readonly publisher: pg.Pool;
  private closed = false;
  private retryMs = 250;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onError: (error: unknown) => void,
  ) {
    super();
    this.publisher = new pg.Pool({ connectionString: url, max: 2 });
    this.publisher.on("error", () => {});
  }

  override async publish(event: LiveEvent): Promise<void> {
    const payload = JSON.stringify(event);
    if (payload.length > MAX_PAYLOAD) {
      this.onError(new Error(`live event ${event.type} too large (${payload.length} bytes)`));
      return;
    }
    try {
      await this.publisher.query("select pg_notify($1, $2)", [this.channel, payload]);
    } catch (error) {
      this.onError(error);
    }
  }

  override subscribe(listener: LiveListener): () => void {
    const unsubscribe = super.subscribe(listener);
    this.listening ??= this.listen();
    return unsubscribe;
  }

  /** Resolves once LISTEN is in place (tests wait for it before raising events). */
  ready(): Promise<void> {
    this.listening ??= this.listen();
    return this.listening;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      try {
        this.deliver(JSON.parse(message.payload) as LiveEvent);
      } catch (error) {
        this.onError(error);
      }
    });
    client.on("error", (error) => {
      this.onError(error);
      this.reconnect(client);
    });
    client.on("end", () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`listen "${this.channel}"`);
      this.listener = client;
      this.retryMs = 250;
    } catch (error) {
      this.onError(error);
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.closed || (this.listener !== client && this.listener !== undefined)) return;
    this.listener = undefined;
    client.removeAllListeners("end");
    client.end().catch(() => {});
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    setTimeout(() => {
      if (!this.closed) this.listening = this.listen();
    }, wait).unref();
  }

  override async close(): Promise<void> {
    this.closed = true;
    await super.close();
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
    }
    await this.publisher.end().catch(() => {});
  }
}

/** The channel is per schema, so test schemas (and tenants of one server) do not hear each other. */
export function liveChannel(schema: string | undefined): string {
  return `extranet_live_${(schema ?? "public").replace(/[^a-zA-Z0-9_]/g, "_")}`.slice(0, 63);
}

export function createLiveBus(
  database: DatabaseConfig,
  schema: string | undefined,
  onError: (error: unknown) => void,
): LiveBus & { ready(): Promise<void> } {
  if (database.dialect === "postgres") {
    const url = schema ? withSearchPath(database.url, schema) : database.url;
    return new PostgresBus(url, liveChannel(schema), onError);
  }
  const bus = new LocalBus();
  return Object.assign(bus, { ready: async () => {} });
}

/** NOTIFY and LISTEN are not schema-bound, but keep the connection's search path like the pool's. */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}
