// SLA clock rows: one per ticket, metric and cycle (next response starts a cycle per customer message).
// The rules live in src/domain/sla/ticket-clocks.ts on the domain's Clock; this file encodes it (its
// pauses through the column's JSON codec).
import { createHash } from "node:crypto";
import type { Clock, Metric } from "../../../domain/sla/ticket-clocks";
import { dialectOf } from "../../db/dialect";
import { type Json, json } from "../../db/json";
import { PreparedInsert, PreparedQuery } from "../../db/prepared";
import { rowLimit } from "../../db/row-limit";
import type { Executor, SlaClockTable } from "../../db/schema";
import type { SlaPolicy } from "./policy";
import type { QueueKeys } from "./queue-keys";

export type { Metric };

/** The row a clock is stored as. */
export function clockRow(ticketId: string, clock: Clock): SlaClockTable {
  return {
    id: clock.id,
    ticket_id: ticketId,
    metric: clock.metric,
    cycle: clock.cycle,
    started_at: clock.startedAt,
    target_minutes: clock.targetMinutes,
    pauses: json.slaClockPauses.encode([...clock.pauses]),
    due_at: clock.dueAt,
    warn_at: clock.warnAt,
    met_at: clock.metAt,
    stopped_at: clock.stoppedAt,
    warned_at: clock.warnedAt,
    breached_at: clock.breachedAt,
  };
}

export function clockOf(row: SlaClockTable): Clock {
  return {
    id: row.id,
    metric: row.metric,
    cycle: row.cycle,
    startedAt: row.started_at,
    targetMinutes: row.target_minutes,
    pauses: json.slaClockPauses.decode(row.pauses),
    dueAt: row.due_at,
    warnAt: row.warn_at,
    metAt: row.met_at,
    stoppedAt: row.stopped_at,
    warnedAt: row.warned_at,
    breachedAt: row.breached_at,
  };
}

const clockInsert = new PreparedInsert("sla_clock");

export async function insertClocks(db: Executor, ticketId: string, clocks: readonly Clock[]): Promise<void> {
  await clockInsert.execute(db, clockRows(ticketId, clocks));
}

/** A ticket's clocks as rows to insert. */
export function clockRows(ticketId: string, clocks: readonly Clock[]): SlaClockTable[] {
  return clocks.map((clock) => clockRow(ticketId, clock));
}

/** The statement inserting these clock rows (`insertTogether`); none without rows. */
export function clocksInsertStatement(db: Executor, rows: readonly SlaClockTable[]) {
  return clockInsert.statement(db, rows);
}

/** Writes what a command changed of a clock (never its identity or the sweeper's firing marks). */
export async function updateClock(db: Executor, clock: Clock): Promise<void> {
  await db
    .updateTable("sla_clock")
    .set({
      target_minutes: clock.targetMinutes,
      pauses: json.slaClockPauses.encode([...clock.pauses]),
      due_at: clock.dueAt,
      warn_at: clock.warnAt,
      met_at: clock.metAt,
      stopped_at: clock.stoppedAt,
    })
    .where("id", "=", clock.id)
    .execute();
}

const ticketClocks = PreparedQuery.single((db, values: { ticketId: string }) =>
  db
    .selectFrom("sla_clock")
    .selectAll()
    .where("ticket_id", "=", values.ticketId)
    .orderBy("metric")
    .orderBy("cycle"),
);

/** A ticket's clocks, read on every ticket page: compiled once. */
export async function clocksOfTicket(db: Executor, ticketId: string): Promise<Clock[]> {
  return (await ticketClocks.execute(db, null, { ticketId })).map(clockOf);
}

/** The ticket's queue keys follow its clocks; the ticket's version does not move for them. */
export async function setTicketQueueKeys(db: Executor, ticketId: string, keys: QueueKeys): Promise<void> {
  await db.updateTable("ticket").set(keys).where("id", "=", ticketId).execute();
}

/** A clock the sweeper claimed, to fire its warning or breach. */
export interface ClaimedClock {
  id: string;
  ticket_id: string;
  metric: Metric;
  cycle: number;
}

/**
 * Claims up to `limit` running clocks whose warning (or due) instant has passed and not fired yet,
 * those that came due longest ago first: marks them fired at `now` and returns them, their rows and
 * their tickets locked until the caller's transaction ends; none when none is left. A command may
 * have pushed an instant back or stopped a clock since it came due: the claim reads clocks as they
 * are now. One statement claims them all, so a burst of due clocks (Monday 08:00 after a weekend
 * of tickets) is fired in a few transactions, not one per clock.
 *
 * On PostgreSQL the walk skips clocks whose ticket or row another transaction holds (another
 * process's sweep, a command on the ticket) instead of waiting for it: several sweeping processes
 * split the due clocks, and a ticket held by a command is fired by a later sweep. Tickets are
 * locked first, like every ticket command's; a clock another sweep fired after this statement began
 * is read again once free, no longer qualifies, and is passed over: each firing is claimed once.
 * SQLite has one writer at a time: the statement takes the first due clocks. Either walks an index
 * of the clocks not fired yet in the order they came due (on PostgreSQL a partial one, migration 0031).
 */
export function claimDueClocks(
  db: Executor,
  kind: "warning" | "breach",
  now: number,
  limit: number,
): Promise<ClaimedClock[]> {
  return buildClaimDueClocks(db, kind, now, limit).execute();
}

/** The claim's statement; exported for the query-plan test. */
export function buildClaimDueClocks(db: Executor, kind: "warning" | "breach", now: number, limit: number) {
  const instant = kind === "warning" ? "sla_clock.warn_at" : "sla_clock.due_at";
  const fired = kind === "warning" ? "warned_at" : "breached_at";
  const due = db
    .selectFrom("ticket")
    .innerJoin("sla_clock", "sla_clock.ticket_id", "ticket.id")
    .select("sla_clock.id")
    .where(instant, "<=", now)
    .where(`sla_clock.${fired}`, "is", null)
    .where("sla_clock.met_at", "is", null)
    .where("sla_clock.stopped_at", "is", null)
    .orderBy(instant)
    .limit(limit)
    .$if(dialectOf(db) === "postgres", (q) => q.forUpdate(["ticket", "sla_clock"]).skipLocked());
  return db
    .updateTable("sla_clock")
    .set({ [fired]: now })
    .where("id", "in", due)
    .returning(["id", "ticket_id", "metric", "cycle"]);
}

/** The first-response and resolution clocks of tickets opened in [from, to), with their company. */
export function clocksOfTicketsOpenedBetween(db: Executor, from: number, to: number) {
  return db
    .selectFrom("sla_clock")
    .innerJoin("ticket", "ticket.id", "sla_clock.ticket_id")
    .innerJoin("company", "company.id", "ticket.company_id")
    .select([
      "ticket.id as ticket_id",
      "ticket.company_id",
      "company.name as company_name",
      "sla_clock.metric",
      "sla_clock.due_at",
      "sla_clock.met_at",
      "sla_clock.breached_at",
    ])
    .where("ticket.created_at", ">=", from)
    .where("ticket.created_at", "<", to)
    .where("sla_clock.metric", "in", ["first_response", "resolution"])
    .where("sla_clock.cycle", "=", 1)
    .execute();
}

/** The console's "vence em breve / violado" query; exported for the query-plan test. */
export function buildRunningDeadlines(
  db: Executor,
  shape: { bounded: boolean; limit: number },
  values: { dueBefore: number },
) {
  return db
    .selectFrom("sla_clock")
    .innerJoin("ticket", "ticket.id", "sla_clock.ticket_id")
    .innerJoin("company", "company.id", "ticket.company_id")
    .select([
      "ticket.number",
      "ticket.subject",
      "ticket.priority",
      "ticket.status",
      "company.name as company_name",
      "sla_clock.metric",
      "sla_clock.due_at",
    ])
    .where("sla_clock.met_at", "is", null)
    .where("sla_clock.stopped_at", "is", null)
    .where("sla_clock.due_at", "is not", null)
    .$if(shape.bounded, (q) => q.where("sla_clock.due_at", "<", values.dueBefore))
    .orderBy("sla_clock.due_at")
    .limit(rowLimit(shape.limit));
}

// Compiled once per shape (a bound or not, the page's size).
const deadlines = new PreparedQuery(buildRunningDeadlines, (shape) => `${shape.bounded}:${shape.limit}`);

/** Running deadlines, soonest first, with their ticket: the console's "vence em breve / violado". */
export function runningDeadlines(db: Executor, options: { dueBefore?: number | undefined; limit: number }) {
  return deadlines.execute(
    db,
    { bounded: options.dueBefore !== undefined, limit: options.limit },
    { dueBefore: options.dueBefore ?? 0 },
  );
}

/**
 * Content-addressed: the id is the SHA-256 of the stored text, so writing the same snapshot twice
 * keeps one row. Returns the id.
 */
/** A policy snapshot's stored text and its id, the text's hash. */
export function encodePolicySnapshot(policy: SlaPolicy): { id: string; text: Json<SlaPolicy> } {
  const text = json.slaPolicy.encode(policy);
  return { id: createHash("sha256").update(text).digest("hex"), text };
}

const policySnapshotInsert = PreparedQuery.single((db, values: { id: string; policy: string; at: number }) =>
  db
    .insertInto("sla_policy")
    .values({ id: values.id, policy: values.policy as Json<SlaPolicy>, created_at: values.at })
    .onConflict((oc) => oc.column("id").doNothing()),
);

/** Every opening stores its policy's snapshot, a no-op when it is there (compiled once). */
export async function insertPolicySnapshot(
  db: Executor,
  { id, text }: { id: string; text: Json<SlaPolicy> },
  at: number,
): Promise<string> {
  await policySnapshotInsert.execute(db, null, { id, policy: text, at });
  return id;
}

export async function findPolicySnapshot(db: Executor, id: string): Promise<SlaPolicy | undefined> {
  const row = await db.selectFrom("sla_policy").select("policy").where("id", "=", id).executeTakeFirst();
  return row && json.slaPolicy.decode(row.policy);
}
