import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../test/support/factories";
import { closeContext, openContext } from "../runtime";
import { demoCalendar, demoPlans } from "../seed/content/plans";
import { sweepSla } from "./sla-sweeper";

// The Profissional plan (São Paulo, 08–12 and 13–18 on weekdays): a normal ticket's first response
// is due in 4 business hours and warned at 80%, 3 h 12 min. Opened at 10:00 on a weekday, it is
// warned at 14:12 and breached at 15:00 (-03).
describe("the SLA sweeper's notifications", () => {
  let t: TestApp;
  let catalog: Catalog;
  let customer: MadeUser;
  let people: Record<
    "admin" | "assignee" | "otherAgent" | "supervisor" | "assignedSupervisor" | "retiredSupervisor",
    MadeUser
  >;
  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    const admin = await makeUser(t.ctx, "admin");
    const adminCookie = await loginAs(t.app, admin);
    const calendar = (
      await call(t.app, "POST", "/api/v1/calendars", demoCalendar, { cookie: adminCookie })
    ).json();
    const plan = (
      await call(
        t.app,
        "POST",
        "/api/v1/plans",
        { ...demoPlans[1], calendarId: calendar.id },
        { cookie: adminCookie },
      )
    ).json();
    const company = await makeCompany(t.ctx);
    await call(
      t.app,
      "PATCH",
      `/api/v1/companies/${company.id}`,
      { planId: plan.id },
      { cookie: adminCookie },
    );
    customer = await makeUser(t.ctx, "customer", { company });
    people = {
      admin,
      assignee: await makeUser(t.ctx, "agent"),
      otherAgent: await makeUser(t.ctx, "agent"),
      supervisor: await makeUser(t.ctx, "supervisor"),
      assignedSupervisor: await makeUser(t.ctx, "supervisor"),
      retiredSupervisor: await makeUser(t.ctx, "supervisor"),
    };
    const disabled = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${people.retiredSupervisor.id}`,
      { active: false },
      { cookie: adminCookie },
    );
    expect(disabled.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  /** Opens a normal-priority ticket at `iso` and assigns it (there is no assignment command yet). */
  async function openAssigned(iso: string, assignee: MadeUser | null): Promise<number> {
    t.clock.set(iso);
    const number = await makeTicket(t.ctx, catalog, customer);
    await t.ctx.db
      .updateTable("ticket")
      .set({ assignee_id: assignee?.id ?? null })
      .where("number", "=", number)
      .execute();
    return number;
  }

  /** The ticket's notifications as [recipient, type, metric], sorted. */
  async function notificationsOf(number: number) {
    const rows = await t.ctx.db
      .selectFrom("notification")
      .innerJoin("ticket", "ticket.id", "notification.ticket_id")
      .select(["notification.recipient_id", "notification.type", "notification.metric"])
      .where("ticket.number", "=", number)
      .execute();
    return rows
      .map((r) => [r.recipient_id, r.type, r.metric])
      .sort((a, b) => String(a).localeCompare(String(b)));
  }

  const expected = (recipients: MadeUser[], types: string[]) =>
    recipients
      .flatMap((user) => types.map((type) => [user.id, type, "first_response"]))
      .sort((a, b) => String(a).localeCompare(String(b)));

  it("raises a warning and a breach to the assignee and every active supervisor and admin, once each", async () => {
    const assigned = await openAssigned("2026-04-22T10:00:00-03:00", people.assignee);
    // The assignee is a supervisor too: one notification, not two.
    const toSupervisor = await openAssigned("2026-04-22T10:00:00-03:00", people.assignedSupervisor);
    const unassigned = await openAssigned("2026-04-22T10:00:00-03:00", null);
    const watchers = [people.admin, people.supervisor, people.assignedSupervisor];

    t.clock.set("2026-04-22T14:11:00-03:00");
    await sweepSla(t.ctx);
    expect(await notificationsOf(assigned)).toEqual([]);

    t.clock.set("2026-04-22T14:30:00-03:00");
    expect(await sweepSla(t.ctx)).toEqual({ warnings: 3, breaches: 0 });
    expect(await notificationsOf(assigned)).toEqual(
      expected([people.assignee, ...watchers], ["sla_warning"]),
    );
    expect(await notificationsOf(toSupervisor)).toEqual(expected(watchers, ["sla_warning"]));
    expect(await notificationsOf(unassigned)).toEqual(expected(watchers, ["sla_warning"]));

    t.clock.set("2026-04-22T15:01:00-03:00");
    expect(await sweepSla(t.ctx)).toEqual({ warnings: 0, breaches: 3 });
    expect(await sweepSla(t.ctx)).toEqual({ warnings: 0, breaches: 0 });
    const both = ["sla_warning", "sla_breach"];
    expect(await notificationsOf(assigned)).toEqual(expected([people.assignee, ...watchers], both));
    expect(await notificationsOf(toSupervisor)).toEqual(expected(watchers, both));
    expect(await notificationsOf(unassigned)).toEqual(expected(watchers, both));

    // What the assignee's bell shows.
    const cookie = await loginAs(t.app, people.assignee);
    const bell = (await call(t.app, "GET", "/api/v1/notifications", undefined, { cookie })).json();
    expect(bell.items).toEqual([
      expect.objectContaining({
        type: "sla_breach",
        metric: "first_response",
        ticket: expect.objectContaining({ number: assigned }),
        createdAt: "2026-04-22T18:01:00.000Z",
        read: false,
      }),
      expect.objectContaining({ type: "sla_warning", createdAt: "2026-04-22T17:30:00.000Z" }),
    ]);
  });

  it("notifies nobody outside the assignee, supervisors and admins, and no inactive account", async () => {
    const outsiders = [people.otherAgent.id, people.retiredSupervisor.id, customer.id];
    const rows = await t.ctx.db
      .selectFrom("notification")
      .select("id")
      .where("recipient_id", "in", outsiders)
      .execute();
    expect(rows).toEqual([]);
  });

  it("gives each recipient exactly one notification per firing, even with two sweepers racing", async () => {
    const number = await openAssigned("2026-04-23T10:00:00-03:00", people.assignee); // a Thursday
    // On PostgreSQL a second connection pool stands for a second server process. An embedded SQLite
    // server is one process: its sweeps race on the one connection.
    const second =
      t.ctx.connection.dialect === "postgres"
        ? await openContext(t.ctx.config, { clock: t.clock, searchPath: t.database.searchPath, poolSize: 2 })
        : t.ctx;
    const recipients = [people.assignee, people.admin, people.supervisor, people.assignedSupervisor];
    try {
      for (const [iso, type] of [
        ["2026-04-23T14:30:00-03:00", "sla_warning"],
        ["2026-04-23T15:01:00-03:00", "sla_breach"],
      ] as const) {
        t.clock.set(iso);
        const racing = await Promise.all([
          sweepSla(t.ctx),
          sweepSla(second),
          sweepSla(t.ctx),
          sweepSla(second),
        ]);
        const claimed = racing.reduce((sum, r) => sum + r.warnings + r.breaches, 0);
        expect(claimed, iso).toBe(1);
        const written = await t.ctx.db
          .selectFrom("notification")
          .select(["recipient_id", "type"])
          .where("created_at", "=", t.clock.now())
          .execute();
        expect(written.map((r) => r.recipient_id).sort(), iso).toEqual(recipients.map((u) => u.id).sort());
        expect(new Set(written.map((r) => r.type)), iso).toEqual(new Set([type]));
      }
      expect(await notificationsOf(number)).toEqual(expected(recipients, ["sla_warning", "sla_breach"]));
    } finally {
      if (second !== t.ctx) await closeContext(second);
    }
  });

  it("does not fire a clock that a command pushed back or stopped after it came due", async () => {
    const number = await openAssigned("2026-04-27T10:00:00-03:00", null); // a Monday
    t.clock.set("2026-04-27T15:01:00-03:00"); // past the first response's due instant
    // Before any sweep: the priority drops to low (8 business hours), which moves the due instant to
    // tomorrow, and its warning (80%) to 17:24 today.
    const agent = await loginAs(t.app, people.assignee);
    const changed = await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${number}`,
      { version: 1, priority: "low" },
      { cookie: agent },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    await sweepSla(t.ctx);
    expect(await notificationsOf(number)).toEqual([]);
    // And a clock stopped (consultancy) is never fired, whatever its instants say.
    await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${number}`,
      { version: 2, kind: "consultancy" },
      { cookie: agent },
    );
    t.clock.set("2026-04-30T10:00:00-03:00");
    await sweepSla(t.ctx);
    expect(await notificationsOf(number)).toEqual([]);
  });
});
