// Two sweeping processes on one PostgreSQL database (two connection pools, one throwaway database of
// its own, so it runs once, in npm test, whatever database the API suite uses): over the same due
// clocks they fire each warning and breach once (one history event, one notification per recipient,
// one webhook delivery), and neither waits for a ticket another transaction holds: that ticket is
// left for a later sweep.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import type { AppContext } from "../../src/server/context";
import { sweepSla } from "../../src/server/jobs/sla-sweeper";
import { closeContext, openContext } from "../../src/server/runtime";
import { demoCalendar, demoPlans } from "../../src/server/seed/content/plans";
import { call, TEST_ORIGIN, TestClock } from "../support/app";
import { loginAs, makeCatalog, makeCompany, makeTicket, makeUser } from "../support/factories";
import { signal } from "../support/signal";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { cleanUp, freshDataDir, sleep } from "./support";

/** Tickets whose first response is past its warning and due instants. */
const TICKETS = 8;

describe("SLA sweeps from two processes on PostgreSQL", () => {
  let database: ThrowawayDatabase;
  const clock = new TestClock();
  let a: AppContext;
  let b: AppContext;
  let numbers: number[] = [];
  beforeAll(async () => {
    database = await createThrowawayDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      EXTRANET_DATA_DIR: freshDataDir(),
      EXTRANET_PUBLIC_URL: TEST_ORIGIN,
      EXTRANET_SEED_DEMO: "false",
      LOG_LEVEL: "silent",
      WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    });
    a = await openContext(config, { clock });
    b = await openContext(config, { clock, migrate: false, poolSize: 2 });
    // The Profissional plan through the admin API, as in the API tests.
    const app = await buildApp(a, { logger: false });
    await app.ready();
    const admin = await loginAs(app, await makeUser(a, "admin"));
    const calendar = (await call(app, "POST", "/api/v1/calendars", demoCalendar, { cookie: admin })).json();
    const plan = (
      await call(
        app,
        "POST",
        "/api/v1/plans",
        { ...demoPlans[1], calendarId: calendar.id },
        { cookie: admin },
      )
    ).json();
    const company = await makeCompany(a);
    await call(app, "PATCH", `/api/v1/companies/${company.id}`, { planId: plan.id }, { cookie: admin });
    const hooked = await call(
      app,
      "POST",
      "/api/v1/webhooks",
      { url: "http://127.0.0.1:9/hooks", events: ["sla.warning", "sla.breached"] },
      { cookie: admin },
    );
    expect(hooked.statusCode, hooked.body).toBe(201);
    await app.close();
    const catalog = await makeCatalog(a);
    const customer = await makeUser(a, "customer", { company });
    // Normal priority, opened Wednesday 10:00: warned at 14:12, due at 15:00 (-03).
    clock.set("2026-04-22T10:00:00-03:00");
    numbers = [];
    for (let i = 0; i < TICKETS; i++) numbers.push(await makeTicket(a, catalog, customer));
    clock.set("2026-04-22T15:01:00-03:00");
  }, 60_000);
  afterAll(async () => {
    await closeContext(b);
    await closeContext(a);
    await cleanUp();
    await database.drop();
  });

  /** Per ticket: its SLA history events, notifications and webhook deliveries, by kind. */
  async function firingsOf(number: number) {
    const [events, notifications, deliveries] = await Promise.all([
      database.query<{ type: string; n: number }>(
        `select type, count(*)::int as n from ticket_event
          where type in ('sla_warning', 'sla_breach') and ticket_id = (select id from ticket where number = ${number})
          group by type order by type`,
      ),
      database.query<{ type: string; n: number }>(
        `select type, count(*)::int as n from notification
          where type in ('sla_warning', 'sla_breach') and ticket_id = (select id from ticket where number = ${number})
          group by type, recipient_id order by type`,
      ),
      database.query<{ type: string; n: number }>(
        `select event as type, count(*)::int as n from webhook_delivery
          where ticket_id = (select id from ticket where number = ${number})
          group by event order by event`,
      ),
    ]);
    return { events, notifications, deliveries };
  }

  const once = {
    events: [
      { type: "sla_breach", n: 1 },
      { type: "sla_warning", n: 1 },
    ],
    // One recipient: the admin (no assignee, no supervisor).
    notifications: [
      { type: "sla_breach", n: 1 },
      { type: "sla_warning", n: 1 },
    ],
    deliveries: [
      { type: "sla.breached", n: 1 },
      { type: "sla.warning", n: 1 },
    ],
  };
  const never = { events: [], notifications: [], deliveries: [] };

  it("fires every due clock once while another transaction holds one ticket, without waiting for it", async () => {
    const [held, ...free] = numbers;
    if (held === undefined) throw new Error("no tickets");
    // A transaction holding one ticket's row, as a command in progress (or another sweep) does.
    const release = signal();
    const locked = signal();
    const holder = a.db.transaction().execute(async (trx) => {
      await trx.selectFrom("ticket").select("id").where("number", "=", held).forUpdate().execute();
      locked.fire();
      await release.reached;
    });
    try {
      await locked.reached;
      // Had either sweep waited for the held row, neither would end before the release.
      const sweeps = Promise.all([sweepSla(a), sweepSla(b), sweepSla(a), sweepSla(b)]);
      const outcome = await Promise.race([sweeps, sleep(10_000).then(() => "waited for the held ticket")]);
      if (typeof outcome === "string") throw new Error(outcome);
      const total = (kind: "warnings" | "breaches") => outcome.reduce((sum, r) => sum + r[kind], 0);
      expect(total("warnings")).toBe(free.length);
      expect(total("breaches")).toBe(free.length);
      for (const number of free) expect(await firingsOf(number), `#${number}`).toEqual(once);
      expect(await firingsOf(held)).toEqual(never);
    } finally {
      release.fire();
      await holder;
    }

    // Released: the next sweeps fire the held ticket's clocks, once between them.
    const after = await Promise.all([sweepSla(a), sweepSla(b)]);
    expect(after.reduce((sum, r) => sum + r.warnings + r.breaches, 0)).toBe(2);
    expect(await firingsOf(held)).toEqual(once);
    expect(await Promise.all([sweepSla(a), sweepSla(b)])).toEqual([
      { warnings: 0, breaches: 0 },
      { warnings: 0, breaches: 0 },
    ]);
    for (const number of numbers) expect(await firingsOf(number), `#${number}`).toEqual(once);
  });
});
