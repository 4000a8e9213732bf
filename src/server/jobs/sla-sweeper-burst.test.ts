// Deadlines bunch up: tickets opened over a weekend all come due on Monday morning. A sweep fires
// such a burst a batch of clocks per transaction (CLAIM_BATCH), each firing once, up to its limit
// per kind; what is left waits for the next sweep.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCompanyWithPlan } from "../../../test/support/console";
import { makeCatalog, makeTicket, makeUser } from "../../../test/support/factories";
import { buildCountingTestApp, type CountingTestApp } from "../../../test/support/round-trips";
import { CLAIM_BATCH, sweepSla } from "./sla-sweeper";

/** More than a sweep fired before batching (200 per kind), and not a multiple of the batch. */
const TICKETS = 260;
const FIRST_SWEEP = 100;

describe("a burst of due clocks", () => {
  let t: CountingTestApp;
  beforeAll(async () => {
    t = await buildCountingTestApp();
    const catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t);
    const customer = await makeUser(t.ctx, "customer", { company });
    // The Profissional plan: a normal ticket opened Wednesday 10:00 is warned at 14:12, due at 15:00.
    t.clock.set("2026-04-22T10:00:00-03:00");
    for (let i = 0; i < TICKETS; i += 20) {
      const batch = Math.min(20, TICKETS - i);
      await Promise.all(Array.from({ length: batch }, () => makeTicket(t.ctx, catalog, customer)));
    }
    t.clock.set("2026-04-22T15:01:00-03:00");
  }, 120_000);
  afterAll(() => t.close());

  /** How many tickets have each count of `type` (events or notifications), e.g. { 1: 260 }. */
  async function perTicket(table: "ticket_event" | "notification", type: string) {
    const { rows } = await sql<{ n: number | string }>`
      select count(x.id) as n from ticket
      left join ${sql.table(table)} as x on x.ticket_id = ticket.id and x.type = ${type}
      group by ticket.id`.execute(t.ctx.db);
    const histogram: Record<number, number> = {};
    for (const { n } of rows) histogram[Number(n)] = (histogram[Number(n)] ?? 0) + 1;
    return histogram;
  }

  /** Sweeps once, returning what it fired and how many transactions it took. */
  async function sweep(options: { limit?: number } = {}) {
    let fired = { warnings: -1, breaches: -1 };
    const { statements } = await t.statementsOf(async () => {
      fired = await sweepSla(t.ctx, options);
      return undefined as never;
    });
    const count = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;
    return {
      fired,
      transactions: count(/^\s*(begin|start transaction)\b/i),
      eventInserts: count(/^\s*insert into "ticket_event"/),
      notificationInserts: count(/^\s*insert into "notification"/),
    };
  }

  it("fires up to the sweep's limit, then the rest in the next sweep, a batch per transaction, each once", async () => {
    const first = await sweep({ limit: FIRST_SWEEP });
    expect(first.fired).toEqual({ warnings: FIRST_SWEEP, breaches: FIRST_SWEEP });
    expect(first.transactions).toBe(2 * Math.ceil(FIRST_SWEEP / CLAIM_BATCH));

    const rest = TICKETS - FIRST_SWEEP;
    const second = await sweep();
    expect(second.fired).toEqual({ warnings: rest, breaches: rest });
    // One commit per batch, where there was one per clock: the last batch, short, ends the walk.
    const batches = 2 * Math.ceil(rest / CLAIM_BATCH);
    expect(second.transactions).toBe(batches);
    // Each batch writes its history events in one statement, and its notifications in another.
    expect(second.eventInserts).toBe(batches);
    expect(second.notificationInserts).toBe(batches);

    const none = await sweep();
    expect(none.fired).toEqual({ warnings: 0, breaches: 0 });
    // One empty claim per kind.
    expect(none.transactions).toBe(2);

    // Every ticket's first response was warned once and breached once; its one recipient (the admin,
    // as no one is assigned and there is no supervisor) was told once of each.
    expect(await perTicket("ticket_event", "sla_warning")).toEqual({ 1: TICKETS });
    expect(await perTicket("ticket_event", "sla_breach")).toEqual({ 1: TICKETS });
    expect(await perTicket("notification", "sla_warning")).toEqual({ 1: TICKETS });
    expect(await perTicket("notification", "sla_breach")).toEqual({ 1: TICKETS });
  });
});
