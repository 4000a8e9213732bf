import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { demoCalendar, demoPlans } from "../../seed/content/plans";

describe("support plans, calendars and the deadline simulation", () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let calendarId: string;
  const planIds: Record<string, string> = {};
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const calendar = await call(t.app, "POST", "/api/v1/calendars", demoCalendar, { cookie: admin });
    expect(calendar.statusCode).toBe(201);
    calendarId = calendar.json().id;
    for (const plan of demoPlans) {
      const created = await call(t.app, "POST", "/api/v1/plans", { ...plan, calendarId }, { cookie: admin });
      expect(created.statusCode).toBe(201);
      planIds[plan.name] = created.json().id;
    }
  });
  afterAll(() => t.close());

  it("a calendar answers its next public holidays by name, national ones included", async () => {
    t.clock.set("2026-04-01T12:00:00Z");
    const calendar = (
      await call(t.app, "GET", `/api/v1/calendars/${calendarId}`, undefined, { cookie: agent })
    ).json();
    const names = Object.fromEntries(
      calendar.upcomingHolidays.map((h: { date: string; name: string }) => [h.date, h.name]),
    );
    expect(names["2026-04-21"]).toMatch(/Tiradentes/);
    expect(names["2026-09-07"]).toMatch(/Independência/);
    expect(Object.keys(names)).toContain("2026-11-20");
    expect(Object.keys(names)).toContain("2026-07-09"); // São Paulo's own
  });

  it("refuses a calendar the engine cannot compute with, field by field", async () => {
    const bad = {
      ...demoCalendar,
      timeZone: "America/Atlantida",
      weeklyHours: {
        ...demoCalendar.weeklyHours,
        mon: [
          ["08:00", "12:00"],
          ["11:00", "13:00"],
        ],
        tue: [["10:00", "09:00"]],
      },
    };
    const response = await call(t.app, "POST", "/api/v1/calendars", bad, { cookie: admin });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject({
      timeZone: "Fuso horário desconhecido (use um nome IANA, como America/Sao_Paulo).",
      "weeklyHours.mon.1": "Este intervalo se sobrepõe a outro do mesmo dia.",
      "weeklyHours.tue.0": "O intervalo termina antes de começar ou não tem duração.",
    });
    const closed = Object.fromEntries(Object.keys(demoCalendar.weeklyHours).map((day) => [day, []]));
    const never = await call(
      t.app,
      "POST",
      "/api/v1/calendars",
      { ...demoCalendar, weeklyHours: closed },
      { cookie: admin },
    );
    expect(never.statusCode).toBe(400);
    expect(Object.values(never.json().error.fields)).toContain(
      "O calendário não tem nenhum horário de atendimento.",
    );
    const time = await call(
      t.app,
      "POST",
      "/api/v1/calendars",
      { ...demoCalendar, weeklyHours: { ...demoCalendar.weeklyHours, wed: [["8h", "12:00"]] } },
      { cookie: admin },
    );
    expect(time.json().error.fields).toEqual({
      "weeklyHours.wed.0.0": "Horário inválido: use HH:MM, como 08:00 (o fim pode ser 24:00).",
    });
  });

  it("refuses a negative target and an unknown calendar", async () => {
    const base = { ...demoPlans[0], name: "Outro", calendarId };
    const negative = await call(
      t.app,
      "POST",
      "/api/v1/plans",
      { ...base, targets: { ...base.targets, low: { ...base.targets?.low, resolutionMinutes: -1 } } },
      { cookie: admin },
    );
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual({
      "targets.low.resolutionMinutes": "Deve ser no mínimo 0.",
    });
    const unknown = await call(
      t.app,
      "POST",
      "/api/v1/plans",
      { ...base, calendarId: "0192f2a0-0000-7000-8000-000000000000" },
      { cookie: admin },
    );
    expect(unknown.json().error.fields).toEqual({ calendarId: "Calendário não encontrado." });
    const duplicate = await call(
      t.app,
      "POST",
      "/api/v1/plans",
      { ...base, name: "básico" },
      { cookie: admin },
    );
    expect(duplicate.statusCode).toBe(409);
  });

  it("simulates a deadline across a holiday, in business hours, and explains it", async () => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      { planId: planIds.Profissional, priority: "normal", openedAt: "2026-04-20T16:00:00-03:00" },
      { cookie: agent },
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // 4 business hours: Mon 16–18 (2 h), Tue 21/04 Tiradentes skipped, Wed 08–10 (2 h).
    expect(body.firstResponseDueAt).toBe("2026-04-22T10:00:00.000-03:00");
    // 24 business hours: 2 h + Wed 9 h + Thu 9 h + Fri 08–12 (4 h).
    expect(body.resolutionDueAt).toBe("2026-04-24T12:00:00.000-03:00");
    const kinds = body.explanation.firstResponse.segments.map((s: { kind: string }) => s.kind);
    expect(kinds).toContain("holiday");
    expect(
      body.explanation.firstResponse.segments.find((s: { kind: string }) => s.kind === "holiday").holidayName,
    ).toMatch(/Tiradentes/);
    expect(body.explanation.firstResponse.lines.join("\n")).toMatch(/Tiradentes/);
    expect(body.explanation.firstResponse.lines.at(-1)).toBe("Total: 4 h úteis; vence em 22/04/2026 10:00");
  });

  it("explains the simulation in the signed-in user's language", async () => {
    const englishAgent = await loginAs(t.app, await makeUser(t.ctx, "agent", { locale: "en" }));
    const response = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      { planId: planIds.Profissional, priority: "normal", openedAt: "2026-04-20T16:00:00-03:00" },
      { cookie: englishAgent },
    );
    expect(response.json().explanation.firstResponse.lines).toEqual([
      "04/20/2026 4:00 PM–6:00 PM: 2 h counted",
      "04/20/2026 6:00 PM–midnight: outside business hours",
      "04/21/2026: holiday — Dia de Tiradentes",
      "04/22/2026 12:00 AM–8:00 AM: outside business hours",
      "04/22/2026 8:00 AM–10:00 AM: 2 h counted",
      "Total: 4 h of business time; due 04/22/2026 10:00 AM",
    ]);
  });

  it("an urgent ticket on the top plan runs around the clock", async () => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      { planId: planIds.Premium, priority: "urgent", openedAt: "2026-04-25T23:00:00-03:00" },
      { cookie: agent },
    );
    expect(response.json().firstResponseDueAt).toBe("2026-04-25T23:30:00.000-03:00");
    expect(response.json().resolutionDueAt).toBe("2026-04-26T03:00:00.000-03:00");
  });

  it("a pause moves the deadline by the business time inside it", async () => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      {
        planId: planIds.Profissional,
        priority: "normal",
        openedAt: "2026-04-22T08:00:00-03:00",
        pauses: [{ from: "2026-04-22T09:00:00-03:00", to: "2026-04-22T14:00:00-03:00" }],
      },
      { cookie: agent },
    );
    // Without the pause 08–12 makes the 4 h. The pause holds 09–12 and 13–14 (4 business hours):
    // 08–09 counts 1 h, then 14–17 the other 3 h.
    expect(response.json().firstResponseDueAt).toBe("2026-04-22T17:00:00.000-03:00");
  });

  it.each([
    ["openedAt", { openedAt: "2300-01-01T12:00:00Z" }],
    ["openedAt", { openedAt: "1800-01-01T12:00:00Z" }],
    ["openedAt", { openedAt: "2199-12-31T12:00:00Z" }],
    ["openedAt", { openedAt: "0001-01-01T00:00:00Z" }],
    [
      "pauses.0.to",
      {
        openedAt: "2026-04-22T08:00:00-03:00",
        pauses: [{ from: "2026-04-22T09:00:00-03:00", to: "2300-01-01T00:00:00Z" }],
      },
    ],
  ])("refuses an instant the engine cannot compute from with 400 naming %s", async (field, input) => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      { planId: planIds.Profissional, priority: "normal", ...input },
      { cookie: agent },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: "validation",
      message: "Verifique os campos destacados.",
      fields: { [field]: "Use uma data entre 2000 e 2099." },
    });
  });

  it.each([
    ["pauses.0.to", { from: "2026-04-22T09:00:00-03:00", to: "2066-04-22T09:00:00-03:00" }],
    ["pauses.0.from", { from: "2026-04-21T09:00:00-03:00", to: "2026-04-22T09:00:00-03:00" }],
  ])("keeps a simulated pause between the opening and 90 days after it (%s)", async (field, pause) => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      {
        planId: planIds.Profissional,
        priority: "normal",
        openedAt: "2026-04-22T08:00:00-03:00",
        pauses: [pause],
      },
      { cookie: agent },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      [field]: "Uma pausa deve ficar entre a abertura e 90 dias depois dela.",
    });
  });

  it("computes at the edges of the accepted years", async () => {
    for (const openedAt of ["2000-01-01T00:00:00Z", "2099-12-31T23:59:59Z"]) {
      const response = await call(
        t.app,
        "POST",
        "/api/v1/sla/simulate",
        { planId: planIds.Básico, priority: "low", openedAt },
        { cookie: agent },
      );
      expect(response.statusCode, openedAt).toBe(200);
      expect(response.json().resolutionDueAt, openedAt).not.toBeNull();
    }
  });

  it("admins manage; other staff read; customers see only their own plan", async () => {
    expect((await call(t.app, "POST", "/api/v1/calendars", demoCalendar, { cookie: agent })).statusCode).toBe(
      403,
    );
    const company = await makeCompany(t.ctx);
    const setPlan = await call(
      t.app,
      "PATCH",
      `/api/v1/companies/${company.id}`,
      { planId: planIds.Básico },
      { cookie: admin },
    );
    expect(setPlan.json().planId).toBe(planIds.Básico);
    const customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    expect((await call(t.app, "GET", "/api/v1/calendars", undefined, { cookie: customer })).statusCode).toBe(
      404,
    );
    const plans = await call(t.app, "GET", "/api/v1/plans", undefined, { cookie: customer });
    expect(plans.json().items.map((p: { name: string }) => p.name)).toEqual(["Básico"]);
    expect(
      (await call(t.app, "GET", `/api/v1/plans/${planIds.Premium}`, undefined, { cookie: customer }))
        .statusCode,
    ).toBe(404);
    const simulateOther = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      { planId: planIds.Premium, priority: "low", openedAt: "2026-04-22T08:00:00-03:00" },
      { cookie: customer },
    );
    expect(simulateOther.statusCode).toBe(404);
    const simulateOwn = await call(
      t.app,
      "POST",
      "/api/v1/sla/simulate",
      { planId: planIds.Básico, priority: "low", openedAt: "2026-04-22T08:00:00-03:00" },
      { cookie: customer },
    );
    expect(simulateOwn.statusCode).toBe(200);
  });

  it("every SLA route answers customers 404 and non-admin staff 403 for writes", async () => {
    const customer = await loginAs(t.app, await makeUser(t.ctx, "customer"));
    const plan = { ...demoPlans[0], calendarId };
    const routes = [
      ["GET", "/api/v1/calendars", undefined],
      ["GET", `/api/v1/calendars/${calendarId}`, undefined],
      ["POST", "/api/v1/calendars", demoCalendar],
      ["PUT", `/api/v1/calendars/${calendarId}`, demoCalendar],
      ["DELETE", `/api/v1/calendars/${calendarId}`, undefined],
      ["GET", `/api/v1/plans/${planIds.Básico}`, undefined],
      ["POST", "/api/v1/plans", plan],
      ["PUT", `/api/v1/plans/${planIds.Básico}`, plan],
      ["DELETE", `/api/v1/plans/${planIds.Básico}`, undefined],
    ] as const;
    for (const [method, url, body] of routes) {
      expect(
        (await call(t.app, method, url, body, { cookie: customer })).statusCode,
        `customer ${method} ${url}`,
      ).toBe(404);
      const staff = await call(t.app, method, url, body, { cookie: agent });
      expect(staff.statusCode, `agent ${method} ${url}`).toBe(method === "GET" ? 200 : 403);
    }
    expect((await call(t.app, "GET", "/api/v1/plans", undefined, { cookie: customer })).json().items).toEqual(
      [],
    );
  });

  it("what is in use cannot be deleted; a plan change is audited", async () => {
    expect(
      (await call(t.app, "DELETE", `/api/v1/calendars/${calendarId}`, undefined, { cookie: admin }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call(t.app, "DELETE", `/api/v1/plans/${planIds.Básico}`, undefined, { cookie: admin }))
        .statusCode,
    ).toBe(409);
    const spare = await call(
      t.app,
      "POST",
      "/api/v1/plans",
      { ...demoPlans[0], name: "Temporário", calendarId },
      { cookie: admin },
    );
    expect(
      (await call(t.app, "DELETE", `/api/v1/plans/${spare.json().id}`, undefined, { cookie: admin }))
        .statusCode,
    ).toBe(204);
    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", spare.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["plan.created", "plan.deleted"]);
  });
});
