import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeUser,
} from "../../../../test/support/factories";
import { sweepSla } from "../../jobs/sla-sweeper";
import { closeContext, openContext } from "../../runtime";
import { demoCalendar, demoPlans } from "../../seed/content/plans";
import type { CompanyRow } from "../companies/repository";
import { NO_DUE } from "./queue-keys";

// The Profissional plan: São Paulo calendar 08–12 and 13–18 on weekdays; normal: 4 h first and next
// response, 24 h resolution; high: 2 h and 16 h. All instants below were worked out by hand.
describe("a ticket's SLA clocks", () => {
  let t: TestApp;
  let catalog: Catalog;
  let company: CompanyRow;
  let customerUser: MadeUser;
  let agentUser: MadeUser;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const calendar = (await call(t.app, "POST", "/api/v1/calendars", demoCalendar, { cookie: admin })).json();
    const plan = (
      await call(
        t.app,
        "POST",
        "/api/v1/plans",
        { ...demoPlans[1], calendarId: calendar.id },
        { cookie: admin },
      )
    ).json();
    company = await makeCompany(t.ctx);
    await call(t.app, "PATCH", `/api/v1/companies/${company.id}`, { planId: plan.id }, { cookie: admin });
    customerUser = await makeUser(t.ctx, "customer", { company });
    agentUser = await makeUser(t.ctx, "agent");
  });
  afterAll(() => t.close());

  const at = async (iso: string) => {
    t.clock.set(iso);
    return { customer: await loginAs(t.app, customerUser), agent: await loginAs(t.app, agentUser) };
  };
  const open = async (cookie: string) =>
    (
      await call(
        t.app,
        "POST",
        "/api/v1/tickets",
        {
          categoryId: catalog.categoryId,
          subject: "NF-e rejeitada",
          description: "Rejeição 539 ao emitir.",
          screenCode: "FIS0001",
          exampleRecord: "NF-e 123",
          priority: "normal",
        },
        { cookie },
      )
    ).json();
  const deadlines = async (cookie: string, number: number) =>
    Object.fromEntries(
      (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie }))
        .json()
        .sla.deadlines.map((d: { metric: string }) => [d.metric, d]),
    );

  /** Staff change a ticket as the console does: with the version it just read. */
  const change = async (cookie: string, number: number, body: Record<string, unknown>) => {
    const { version } = (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie })).json();
    return call(t.app, "PATCH", `/api/v1/tickets/${number}`, { version, ...body }, { cookie });
  };

  it("counts business hours from the opening, pauses while waiting for the customer and resumes", async () => {
    let s = await at("2026-04-22T10:00:00-03:00"); // a Wednesday
    const ticket = await open(s.customer);
    expect(ticket.sla.planName).toBe("Profissional");
    let d = await deadlines(s.customer, ticket.number);
    expect(d.first_response).toMatchObject({ dueAt: "2026-04-22T18:00:00.000Z", state: "on_time" }); // 15:00 -03
    expect(d.resolution).toMatchObject({ dueAt: "2026-04-24T20:00:00.000Z", state: "on_time" }); // Fri 17:00 -03

    s = await at("2026-04-22T11:00:00-03:00");
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticket.number}/messages`,
      { body: "Pode enviar o XML?" },
      { cookie: s.agent },
    );
    await change(s.agent, ticket.number, { status: "waiting_customer" });
    d = await deadlines(s.customer, ticket.number);
    expect(d.first_response).toMatchObject({ state: "met", metAt: "2026-04-22T14:00:00.000Z" });
    expect(d.resolution).toMatchObject({ dueAt: null, state: "paused" });

    // Thursday 09:00: the customer answers. The pause held Wed 11–12, 13–18 and Thu 08–09: 7 business hours.
    s = await at("2026-04-23T09:00:00-03:00");
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticket.number}/messages`,
      { body: "Segue o XML." },
      { cookie: s.customer },
    );
    d = await deadlines(s.customer, ticket.number);
    expect(d.resolution).toMatchObject({ dueAt: "2026-04-27T18:00:00.000Z", state: "on_time" }); // Mon 15:00 -03
    expect(d.next_response).toMatchObject({ dueAt: "2026-04-23T17:00:00.000Z", state: "on_time" }); // Thu 14:00 -03

    // A priority change re-targets from what already ran: 1 h counted, 15 h of the 16 h left.
    await change(s.agent, ticket.number, { priority: "high" });
    d = await deadlines(s.agent, ticket.number);
    expect(d.resolution.dueAt).toBe("2026-04-24T19:00:00.000Z"); // Fri 16:00 -03
    expect(d.next_response.dueAt).toBe("2026-04-23T14:00:00.000Z"); // 2 h: Thu 11:00 -03
  });

  it("explains a deadline: spans to staff, plain lines to everyone, nothing to other companies", async () => {
    const s = await at("2026-04-20T16:00:00-03:00"); // Monday; Tuesday 21/04 is Tiradentes
    const ticket = await open(s.customer);
    const staff = (
      await call(t.app, "GET", `/api/v1/tickets/${ticket.number}/deadlines/first_response`, undefined, {
        cookie: s.agent,
      })
    ).json();
    expect(staff.dueAt).toBe("2026-04-22T10:00:00.000-03:00");
    expect(staff.segments.map((x: { kind: string }) => x.kind)).toContain("holiday");
    expect(staff.lines.join("\n")).toMatch(/Tiradentes/);
    const customer = (
      await call(t.app, "GET", `/api/v1/tickets/${ticket.number}/deadlines/first_response`, undefined, {
        cookie: s.customer,
      })
    ).json();
    expect(customer.segments).toEqual([]);
    expect(customer.lines).toEqual(staff.lines);
    expect(staff.lines.at(-1)).toBe("Total: 4 h úteis; vence em 22/04/2026 10:00");
    const english = await loginAs(t.app, await makeUser(t.ctx, "agent", { locale: "en" }));
    const inEnglish = (
      await call(t.app, "GET", `/api/v1/tickets/${ticket.number}/deadlines/first_response`, undefined, {
        cookie: english,
      })
    ).json();
    expect(inEnglish.lines.at(-1)).toBe("Total: 4 h of business time; due 04/22/2026 10:00 AM");
    const stranger = await loginAs(t.app, await makeUser(t.ctx, "customer"));
    const hidden = await call(
      t.app,
      "GET",
      `/api/v1/tickets/${ticket.number}/deadlines/first_response`,
      undefined,
      {
        cookie: stranger,
      },
    );
    expect(hidden.statusCode).toBe(404);
    const badMetric = await call(
      t.app,
      "GET",
      `/api/v1/tickets/${ticket.number}/deadlines/lunch`,
      undefined,
      { cookie: s.agent },
    );
    expect(badMetric.statusCode).toBe(400);
  });

  it("resolution is met when resolved, and a reopening resumes it where it stopped", async () => {
    let s = await at("2026-04-22T10:00:00-03:00");
    const ticket = await open(s.customer);
    s = await at("2026-04-22T12:00:00-03:00");
    await change(s.agent, ticket.number, { status: "resolved" });
    expect((await deadlines(s.customer, ticket.number)).resolution).toMatchObject({
      state: "met",
      metAt: "2026-04-22T15:00:00.000Z",
    });

    // Reopened Thursday 08:00 by the customer's reply. 2 h had run (Wed 10–12); the resolved span is
    // a pause, so 22 h remain: Thu 9 h, Fri 9 h, Mon 08–12.
    s = await at("2026-04-23T08:00:00-03:00");
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticket.number}/messages`,
      { body: "Voltou a acontecer." },
      { cookie: s.customer },
    );
    const d = await deadlines(s.customer, ticket.number);
    expect(d.resolution).toMatchObject({ state: "on_time", metAt: null, dueAt: "2026-04-27T15:00:00.000Z" }); // Mon 12:00 -03
  });

  it("raises a warning and then a breach exactly once, even with two sweepers racing", async () => {
    const s = await at("2026-04-22T10:00:00-03:00");
    const ticket = await open(s.customer);
    // On PostgreSQL a second connection pool stands for a second server process. An embedded SQLite
    // server is one process: its sweeps race on the one connection.
    const second =
      t.ctx.connection.dialect === "postgres"
        ? await openContext(t.ctx.config, { clock: t.clock, searchPath: t.database.searchPath, poolSize: 2 })
        : t.ctx;
    try {
      // 80% of 4 h is 3 h 12 min: 10–12 and 13:00–14:12.
      // One minute before this ticket's warning: other tickets' alerts fire, not this one's.
      t.clock.set("2026-04-22T14:11:00-03:00");
      await sweepSla(t.ctx);
      const early = await t.ctx.db
        .selectFrom("ticket_event")
        .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
        .select("ticket_event.type")
        .where("ticket.number", "=", ticket.number)
        .where("ticket_event.type", "in", ["sla_warning", "sla_breach"])
        .execute();
      expect(early).toEqual([]);
      t.clock.set("2026-04-22T14:30:00-03:00");
      const racing = await Promise.all([
        sweepSla(t.ctx),
        sweepSla(second),
        sweepSla(t.ctx),
        sweepSla(second),
      ]);
      // Every warning the racing sweepers claimed was written once: claims and events agree.
      const claimed = racing.reduce((sum, r) => sum + r.warnings, 0);
      const written = await t.ctx.db
        .selectFrom("ticket_event")
        .select("id")
        .where("type", "=", "sla_warning")
        .where("created_at", "=", t.clock.now())
        .execute();
      expect(claimed).toBeGreaterThanOrEqual(1);
      expect(written).toHaveLength(claimed);
      t.clock.set("2026-04-22T15:01:00-03:00");
      await Promise.all([sweepSla(t.ctx), sweepSla(second)]);
      await Promise.all([sweepSla(t.ctx), sweepSla(second)]);

      const agent = await loginAs(t.app, agentUser);
      const staffView = (
        await call(t.app, "GET", `/api/v1/tickets/${ticket.number}`, undefined, { cookie: agent })
      ).json();
      const alerts = staffView.events.filter((e: { type: string }) => e.type.startsWith("sla_"));
      const ofThisTicket = alerts.map((e: { type: string; metric: string; internal: boolean }) => [
        e.type,
        e.metric,
        e.internal,
      ]);
      expect(ofThisTicket).toEqual([
        ["sla_warning", "first_response", true],
        ["sla_breach", "first_response", true],
      ]);
      const d = await deadlines(agent, ticket.number);
      expect(d.first_response.state).toBe("breached");

      const customer = await loginAs(t.app, customerUser);
      const customerView = (
        await call(t.app, "GET", `/api/v1/tickets/${ticket.number}`, undefined, { cookie: customer })
      ).json();
      expect(customerView.events.some((e: { type: string }) => e.type.startsWith("sla_"))).toBe(false);
    } finally {
      if (second !== t.ctx) await closeContext(second);
    }
  });

  it("reclassifying as consultancy stops the support SLA and says so; back to support resumes it", async () => {
    let s = await at("2026-04-22T10:00:00-03:00");
    const ticket = await open(s.customer);
    s = await at("2026-04-22T11:00:00-03:00");
    const consultancy = await change(s.agent, ticket.number, { kind: "consultancy" });
    expect(consultancy.json()).toMatchObject({ kind: "consultancy" });
    const seen = (
      await call(t.app, "GET", `/api/v1/tickets/${ticket.number}`, undefined, { cookie: s.customer })
    ).json();
    expect(seen.sla.deadlines).toEqual([]);
    expect(seen.events.at(-1)).toMatchObject({
      type: "kind_changed",
      toKind: "consultancy",
      internal: false,
    });

    // Back to support on Thursday 08:00: 1 h had run; Wed 11–18 is a pause; 3 h of first response remain.
    s = await at("2026-04-23T08:00:00-03:00");
    await change(s.agent, ticket.number, { kind: "support" });
    const d = await deadlines(s.customer, ticket.number);
    expect(d.first_response).toMatchObject({ state: "on_time", dueAt: "2026-04-23T14:00:00.000Z" }); // Thu 11:00 -03
  });

  it("reports compliance per company and month to supervisors", async () => {
    // Every ticket above was opened in April 2026 for one company. At Wed 22/04 15:01 (-03):
    // one first response was met in time, two are past due, two are due on Thursday (after the
    // consultancy detour, and after a reopening that owes the unanswered first response again);
    // no resolution is decided yet.
    t.clock.set("2026-04-22T15:01:00-03:00");
    const supervisor = await loginAs(t.app, await makeUser(t.ctx, "supervisor"));
    const response = await call(t.app, "GET", "/api/v1/sla/compliance", undefined, {
      cookie: supervisor,
      query: { month: "2026-04" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().companies).toEqual([
      expect.objectContaining({
        tickets: 5,
        firstResponse: { met: 1, breached: 2, pending: 2, shareMet: 1 / 3 },
        resolution: { met: 0, breached: 0, pending: 5, shareMet: null },
      }),
    ]);
    const may = await call(t.app, "GET", "/api/v1/sla/compliance", undefined, {
      cookie: supervisor,
      query: { month: "2026-05" },
    });
    expect(may.json().companies).toEqual([]);

    const agent = await loginAs(t.app, agentUser);
    const customer = await loginAs(t.app, customerUser);
    expect(
      (
        await call(t.app, "GET", "/api/v1/sla/compliance", undefined, {
          cookie: agent,
          query: { month: "2026-04" },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(t.app, "GET", "/api/v1/sla/compliance", undefined, {
          cookie: customer,
          query: { month: "2026-04" },
        })
      ).statusCode,
    ).toBe(404);
    const companyAdmin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    const compliance = (cookie?: string) =>
      call(t.app, "GET", "/api/v1/sla/compliance", undefined, { cookie, query: { month: "2026-04" } });
    expect((await compliance(companyAdmin)).statusCode).toBe(404);
    expect((await compliance()).statusCode).toBe(401);
    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    expect((await compliance(admin)).json()).toEqual(response.json());
    const bad = await call(t.app, "GET", "/api/v1/sla/compliance", undefined, {
      cookie: supervisor,
      query: { month: "2026-13" },
    });
    expect(bad.json().error.fields).toEqual({ month: "Mês inválido: use AAAA-MM." });
  });

  it("lists running deadlines soonest first for staff only", async () => {
    t.clock.set("2026-04-22T15:01:00-03:00");
    const agent = await loginAs(t.app, agentUser);
    const response = await call(t.app, "GET", "/api/v1/sla/at-risk", undefined, {
      cookie: agent,
      query: { limit: "100" },
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { dueAt: string; breached: boolean; metric: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());
    expect(items.filter((i) => i.breached).every((i) => Date.parse(i.dueAt) < t.clock.now())).toBe(true);
    expect(items.some((i) => i.breached)).toBe(true);
    const customer = await loginAs(t.app, customerUser);
    expect(
      (await call(t.app, "GET", "/api/v1/sla/at-risk", undefined, { cookie: customer })).statusCode,
    ).toBe(404);
  });

  it("resolving stops the replies still owed, and reopening an unanswered ticket owes the first response again", async () => {
    let s = await at("2026-04-22T10:00:00-03:00");
    const ticket = await open(s.customer);
    s = await at("2026-04-22T11:00:00-03:00");
    await change(s.agent, ticket.number, { status: "resolved" });
    let d = await deadlines(s.agent, ticket.number);
    // Stopped, not met: no longer shown as a deadline.
    expect(d.first_response).toBeUndefined();
    // Hours later, past the 4 h target: a finished ticket raises nothing.
    t.clock.set("2026-04-22T17:00:00-03:00");
    await sweepSla(t.ctx);
    const alerts = await t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select("ticket_event.type")
      .where("ticket.number", "=", ticket.number)
      .where("ticket_event.type", "in", ["sla_warning", "sla_breach"])
      .execute();
    expect(alerts).toEqual([]);

    // Reopened Thursday 08:00 by the customer: 1 h of the 4 h had run (Wed 10–11), 3 h remain.
    s = await at("2026-04-23T08:00:00-03:00");
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticket.number}/messages`,
      { body: "Ainda não foi resolvido." },
      { cookie: s.customer },
    );
    d = await deadlines(s.agent, ticket.number);
    expect(d.first_response).toMatchObject({ dueAt: "2026-04-23T14:00:00.000Z", state: "on_time" }); // 11:00 -03
  });

  it("keeps the ticket's queue keys on its earliest running deadline", async () => {
    const keys = async (number: number) =>
      t.ctx.db
        .selectFrom("ticket")
        .select(["queue_due_at", "queue_warn_at", "priority_order"])
        .where("number", "=", number)
        .executeTakeFirstOrThrow();
    let s = await at("2026-04-22T10:00:00-03:00");
    const ticket = await open(s.customer);
    // First response due 15:00 -03 (18:00Z), its warning at 80%: 3 h 12 min → 14:12 -03.
    expect(await keys(ticket.number)).toEqual({
      queue_due_at: Date.parse("2026-04-22T18:00:00Z"),
      queue_warn_at: Date.parse("2026-04-22T17:12:00Z"),
      priority_order: 2,
    });
    s = await at("2026-04-22T11:00:00-03:00");
    await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticket.number}/messages`,
      { body: "Verificando." },
      { cookie: s.agent },
    );
    // Answered: the resolution deadline (Fri 17:00 -03) is the earliest left.
    expect((await keys(ticket.number)).queue_due_at).toBe(Date.parse("2026-04-24T20:00:00Z"));
    await change(s.agent, ticket.number, { status: "waiting_customer", priority: "urgent" });
    // Paused: nothing runs, the ticket sorts last; the priority key follows the priority.
    expect(await keys(ticket.number)).toEqual({
      queue_due_at: NO_DUE,
      queue_warn_at: null,
      priority_order: 0,
    });
  });

  it("a ticket resolved while waiting for the customer and reopened by their reply owes its deadlines again", async () => {
    let s = await at("2026-04-22T09:00:00-03:00");
    const ticket = await open(s.customer);
    s = await at("2026-04-22T10:00:00-03:00");
    await change(s.agent, ticket.number, { status: "waiting_customer" });
    s = await at("2026-04-22T11:00:00-03:00");
    await change(s.agent, ticket.number, { status: "resolved" });
    s = await at("2026-04-22T15:00:00-03:00");
    const reply = await call(
      t.app,
      "POST",
      `/api/v1/tickets/${ticket.number}/messages`,
      { body: "Voltou a acontecer." },
      { cookie: s.customer },
    );
    expect(reply.json().status).toBe("in_progress");
    const reopened = await deadlines(s.agent, ticket.number);
    // One hour ran before the wait; the wait and the resolved span are pauses (before this was
    // fixed, the wait's pause stayed open and the clocks never ran again). First response: 3 h
    // left from 15:00, due 18:00 today.
    expect(reopened.first_response).toMatchObject({ state: "on_time", dueAt: "2026-04-22T21:00:00.000Z" });
    // Resolution: 24 business hours, 1 ran; 23 from 15:00: 3 today, 9 Thu, 9 Fri, 2 Mon → Monday 10:00.
    expect(reopened.resolution).toMatchObject({ state: "on_time", dueAt: "2026-04-27T13:00:00.000Z" });
  });
});
