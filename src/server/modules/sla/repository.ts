// SLA clock rows: one per ticket, metric and cycle (next response starts a cycle per customer message).
// A clock's pauses are JSON text, decoded here into `Pause[]` and encoded here on write.
import { createHash } from "node:crypto";
import type { SlaMetric } from "../../../contracts/tickets";
import { type Decoded, json } from "../../db/json";
import { PreparedQuery } from "../../db/prepared";
import type { Executor, SlaClockTable } from "../../db/schema";
import type { SlaPolicy } from "./policy";
import type { QueueKeys } from "./queue-keys";

export type SlaClockRow = Decoded<SlaClockTable>;
export type Metric = SlaMetric;

const decodeClock = (row: SlaClockTable): SlaClockRow => ({
  ...row,
  pauses: json.slaClockPauses.decode(row.pauses),
});

export async function insertClock(db: Executor, row: SlaClockRow): Promise<void> {
  await insertClocks(db, [row]);
}

/** One insert for many clocks (the data generator's batches). */
export async function insertClocks(db: Executor, rows: readonly SlaClockRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("sla_clock")
    .values(rows.map((row) => ({ ...row, pauses: json.slaClockPauses.encode(row.pauses) })))
    .execute();
}

const ticketClocks = new PreparedQuery(
  (db, _shape: null, values: { ticketId: string }) =>
    db
      .selectFrom("sla_clock")
      .selectAll()
      .where("ticket_id", "=", values.ticketId)
      .orderBy("metric")
      .orderBy("cycle"),
  () => "",
);

/** A ticket's clocks, read on every ticket page: compiled once. */
export async function clocksOfTicket(db: Executor, ticketId: string): Promise<SlaClockRow[]> {
  return (await ticketClocks.execute(db, null, { ticketId })).map(decodeClock);
}

/** The ticket's queue keys follow its clocks; the ticket's version does not move for them. */
export async function setTicketQueueKeys(db: Executor, ticketId: string, keys: QueueKeys): Promise<void> {
  await db.updateTable("ticket").set(keys).where("id", "=", ticketId).execute();
}

export async function updateClock(
  db: Executor,
  id: string,
  changes: Partial<Omit<SlaClockRow, "id" | "ticket_id">>,
): Promise<void> {
  const { pauses, ...rest } = changes;
  await db
    .updateTable("sla_clock")
    .set({ ...rest, ...(pauses !== undefined && { pauses: json.slaClockPauses.encode(pauses) }) })
    .where("id", "=", id)
    .execute();
}

/** Running clocks whose warning (or due) instant has passed and that have not fired it yet. */
export function clocksToFire(db: Executor, kind: "warning" | "breach", now: number, limit: number) {
  const instant = kind === "warning" ? "warn_at" : "due_at";
  const fired = kind === "warning" ? "warned_at" : "breached_at";
  return db
    .selectFrom("sla_clock")
    .select(["id", "ticket_id", "metric", "cycle"])
    .where(instant, "<=", now)
    .where(fired, "is", null)
    .where("met_at", "is", null)
    .where("stopped_at", "is", null)
    .orderBy(instant)
    .limit(limit)
    .execute();
}

/** The atomic claim: of any number of sweepers, exactly one gets `true` for a clock and fires it. */
export async function claimFiring(
  db: Executor,
  id: string,
  kind: "warning" | "breach",
  now: number,
): Promise<boolean> {
  const fired = kind === "warning" ? "warned_at" : "breached_at";
  const result = await db
    .updateTable("sla_clock")
    .set({ [fired]: now })
    .where("id", "=", id)
    .where(fired, "is", null)
    .where("met_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
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

/** Running deadlines, soonest first, with their ticket: the console's "vence em breve / violado". */
export function runningDeadlines(db: Executor, options: { dueBefore?: number | undefined; limit: number }) {
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
    .$if(options.dueBefore !== undefined, (q) => q.where("sla_clock.due_at", "<", options.dueBefore ?? 0))
    .orderBy("sla_clock.due_at")
    .limit(options.limit)
    .execute();
}

/**
 * Content-addressed: the id is the SHA-256 of the stored text, so writing the same snapshot twice
 * keeps one row. Returns the id.
 */
export async function insertPolicySnapshot(db: Executor, policy: SlaPolicy, at: number): Promise<string> {
  const text = json.slaPolicy.encode(policy);
  const id = createHash("sha256").update(text).digest("hex");
  await db
    .insertInto("sla_policy")
    .values({ id, policy: text, created_at: at })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  return id;
}

export async function findPolicySnapshot(db: Executor, id: string): Promise<SlaPolicy | undefined> {
  const row = await db.selectFrom("sla_policy").select("policy").where("id", "=", id).executeTakeFirst();
  return row && json.slaPolicy.decode(row.policy);
}
