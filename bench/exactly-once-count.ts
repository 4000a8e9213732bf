// The exactly-once scenario's bookkeeping: what the database says was written and done (e-mails sent,
// webhook deliveries made, SLA clocks fired and their history events), read from the bench's own
// process beside the running servers, and the comparison of each with what arrived where it goes.
import { loadConfig } from "../src/server/config";
import { connect } from "../src/server/db/connect";
import type { Db } from "../src/server/db/schema";

/** A running tally: how many times each key arrived. */
export type Tally = Map<string, number>;

export function countInto(tally: Tally, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

export type SlaState = "warning" | "breach";

/** The key an SLA firing is counted under: one clock's warning or breach on a ticket. */
export const slaKey = (ticketNumber: number, metric: string, state: SlaState) =>
  `${ticketNumber} ${metric} ${state}`;

/** What is still to be done: e-mails and deliveries queued or being sent, clocks due to fire. */
export interface Backlog {
  emails: number;
  webhooks: number;
  clocks: number;
}

export interface Written {
  /** Message-ID of every e-mail, by state. */
  emails: { messageId: string; state: string }[];
  /** webhook-id of every delivery, by state. */
  webhooks: { id: string; state: string }[];
  /** Clocks fired, by `slaKey`: the sweeper's claims. */
  firings: Tally;
  /** History events `sla_warning` / `sla_breach`, by `slaKey`: what each claim wrote. */
  slaEvents: Tally;
}

export interface Store {
  backlog: (now: number) => Promise<Backlog>;
  written: () => Promise<Written>;
  close: () => Promise<void>;
}

/** A connection of its own to the servers' database (`env` as the servers get it). */
export function openStore(env: Record<string, string>): Store {
  const config = loadConfig({ ...env, LOG_LEVEL: "silent" });
  const { db } = connect(config.database, { poolSize: 2 });
  return { backlog: (now) => backlogOf(db, now), written: () => writtenIn(db), close: () => db.destroy() };
}

async function backlogOf(db: Db, now: number): Promise<Backlog> {
  const waiting = async (table: "outbox_message" | "webhook_delivery") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .where("state", "in", ["queued", "sending"])
          .executeTakeFirstOrThrow()
      ).n,
    );
  // As the sweeper claims them (claimDueClock): running, instant passed, not fired yet.
  const clocks = await db
    .selectFrom("sla_clock")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("met_at", "is", null)
    .where("stopped_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("warn_at", "<=", now), eb("warned_at", "is", null)]),
        eb.and([eb("due_at", "<=", now), eb("breached_at", "is", null)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return {
    emails: await waiting("outbox_message"),
    webhooks: await waiting("webhook_delivery"),
    clocks: Number(clocks.n),
  };
}

async function writtenIn(db: Db): Promise<Written> {
  const emails = await db.selectFrom("outbox_message").select(["message_id as messageId", "state"]).execute();
  const webhooks = await db.selectFrom("webhook_delivery").select(["id", "state"]).execute();
  const clocks = await db
    .selectFrom("sla_clock")
    .innerJoin("ticket", "ticket.id", "sla_clock.ticket_id")
    .select(["ticket.number", "sla_clock.metric", "sla_clock.warned_at", "sla_clock.breached_at"])
    .where((eb) => eb.or([eb("warned_at", "is not", null), eb("breached_at", "is not", null)]))
    .execute();
  const firings: Tally = new Map();
  for (const clock of clocks) {
    if (clock.warned_at !== null) countInto(firings, slaKey(clock.number, clock.metric, "warning"));
    if (clock.breached_at !== null) countInto(firings, slaKey(clock.number, clock.metric, "breach"));
  }
  const events = await db
    .selectFrom("ticket_event")
    .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
    .select(["ticket.number", "ticket_event.type", "ticket_event.metric"])
    .where("ticket_event.type", "in", ["sla_warning", "sla_breach"])
    .execute();
  const slaEvents: Tally = new Map();
  for (const event of events) {
    const state = event.type === "sla_warning" ? "warning" : "breach";
    countInto(slaEvents, slaKey(event.number, event.metric ?? "?", state));
  }
  return { emails, webhooks, firings, slaEvents };
}

/** Lists what went wrong, a line each; `limit` lines at most, then how many more. */
export class Problems {
  readonly lines: string[] = [];
  private more = 0;
  constructor(private readonly limit = 40) {}
  add(line: string): void {
    if (this.lines.length < this.limit) this.lines.push(line);
    else this.more += 1;
  }
  get count(): number {
    return this.lines.length + this.more;
  }
  toString(): string {
    return [...this.lines, ...(this.more > 0 ? [`… and ${this.more} more`] : [])].join("\n  ");
  }
}

/**
 * Every key of `expected` arrived exactly `expected` times in `arrived`, and nothing else arrived:
 * each difference is a problem line naming `what`.
 */
export function compareTallies(problems: Problems, what: string, expected: Tally, arrived: Tally): void {
  for (const [key, count] of expected) {
    const got = arrived.get(key) ?? 0;
    if (got !== count) problems.add(`${what} ${key}: arrived ${got}×, expected ${count}×`);
  }
  for (const [key, got] of arrived) {
    if (!expected.has(key)) problems.add(`${what} ${key}: arrived ${got}×, expected none`);
  }
}

/** The `slaKey`s of the tickets numbered `numbers`, as a tally restricted to them. */
export function onlyTickets(tally: Tally, numbers: ReadonlySet<number>): Tally {
  return new Map([...tally].filter(([key]) => numbers.has(Number(key.split(" ")[0]))));
}
