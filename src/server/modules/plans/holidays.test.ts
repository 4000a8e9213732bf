import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import { demoCalendar, demoPlans } from "../../seed/content/plans";

// demoCalendar: São Paulo state, Mon–Fri 08–12 and 13–18. In 2026, 9 July (a Thursday) is the state's
// Revolução Constitucionalista and 4 June (a Thursday) is Corpus Christi, a holiday of the city of
// São Paulo only: the case for a custom holiday.
describe("a calendar's holidays: seen, added and removed by admins", () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let agentUser: MadeUser;
  let catalog: Catalog;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    agentUser = await makeUser(t.ctx, "agent");
    agent = await loginAs(t.app, agentUser);
    catalog = await makeCatalog(t.ctx);
  });
  afterAll(() => t.close());

  const newCalendar = async (name: string) => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/calendars",
      { ...demoCalendar, name },
      { cookie: admin },
    );
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const holidays = (id: string, year = "2026", cookie = admin) =>
    call(t.app, "GET", `/api/v1/calendars/${id}/holidays`, undefined, { cookie, query: { year } });
  const add = (id: string, body: unknown, cookie = admin) =>
    call(t.app, "POST", `/api/v1/calendars/${id}/holidays`, body, { cookie });
  const remove = (id: string, date: string, cookie = admin) =>
    call(t.app, "DELETE", `/api/v1/calendars/${id}/holidays/${date}`, undefined, { cookie });
  const restore = (id: string, date: string, cookie = admin) =>
    call(t.app, "POST", `/api/v1/calendars/${id}/holidays/${date}/restore`, undefined, { cookie });
  type HolidayJson = { date: string; name: string; scope: string };
  const byDate = (list: HolidayJson[]): Record<string, HolidayJson | undefined> =>
    Object.fromEntries(list.map((h) => [h.date, h]));

  it("lists a year's holidays with their source, national ones included", async () => {
    const id = await newCalendar("Leitura");
    const response = await holidays(id, "2026", agent);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ calendarId: id, year: 2026, removed: [] });
    const items = byDate(body.items);
    expect(items["2026-04-21"]).toEqual({ date: "2026-04-21", name: "Dia de Tiradentes", scope: "national" });
    expect(items["2026-07-09"]).toEqual({
      date: "2026-07-09",
      name: "Revolução Constitucionalista",
      scope: "state",
    });
    expect(items["2026-11-20"]?.scope).toBe("national");
    // Without a year: the calendar's current one (the test clock stands in April 2026).
    const current = await call(t.app, "GET", `/api/v1/calendars/${id}/holidays`, undefined, {
      cookie: agent,
    });
    expect(current.json().year).toBe(2026);
    expect((await holidays(id, "2027")).json().items.map((h: { date: string }) => h.date)).toContain(
      "2027-04-21",
    );
  });

  it("adds a custom holiday, removes a generated one, restores it, and audits each step", async () => {
    const id = await newCalendar("Ajustes");
    const added = await add(id, { date: "2026-06-04", name: "  Corpus Christi " });
    expect(added.statusCode).toBe(201);
    expect(byDate(added.json().items)["2026-06-04"]).toEqual({
      date: "2026-06-04",
      name: "Corpus Christi",
      scope: "custom",
    });

    const removed = await remove(id, "2026-07-09");
    expect(removed.statusCode).toBe(200);
    expect(byDate(removed.json().items)["2026-07-09"]).toBeUndefined();
    expect(removed.json().removed).toEqual([
      { date: "2026-07-09", name: "Revolução Constitucionalista", scope: "state" },
    ]);

    const calendar = (
      await call(t.app, "GET", `/api/v1/calendars/${id}`, undefined, { cookie: agent })
    ).json();
    expect(calendar.customHolidays).toEqual([{ date: "2026-06-04", name: "Corpus Christi" }]);
    expect(calendar.removedHolidays).toEqual(["2026-07-09"]);
    const upcoming = byDate(calendar.upcomingHolidays);
    expect(upcoming["2026-06-04"]?.scope).toBe("custom");
    expect(upcoming["2026-07-09"]).toBeUndefined();

    const restored = await restore(id, "2026-07-09");
    expect(restored.statusCode).toBe(200);
    expect(byDate(restored.json().items)["2026-07-09"]?.scope).toBe("state");
    expect(restored.json().removed).toEqual([]);

    const dropped = await remove(id, "2026-06-04");
    expect(dropped.statusCode).toBe(200);
    expect(byDate(dropped.json().items)["2026-06-04"]).toBeUndefined();
    expect(dropped.json().removed).toEqual([]);

    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("target_id", "=", id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.details)])).toEqual([
      ["calendar.created", expect.anything()],
      ["calendar.holiday_added", { date: "2026-06-04", name: "Corpus Christi" }],
      [
        "calendar.holiday_removed",
        { date: "2026-07-09", name: "Revolução Constitucionalista", scope: "state" },
      ],
      ["calendar.holiday_restored", { date: "2026-07-09", name: "Revolução Constitucionalista" }],
      ["calendar.holiday_removed", { date: "2026-06-04", name: "Corpus Christi", scope: "custom" }],
    ]);
  });

  it("changes made at the same moment are all kept (the calendar row is locked per command)", async () => {
    const id = await newCalendar("Concorrência");
    const dates = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];
    const responses = await Promise.all([
      ...dates.map((date) => add(id, { date, name: `Ponte ${date}` })),
      remove(id, "2026-07-09"),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 200]);
    const calendar = (
      await call(t.app, "GET", `/api/v1/calendars/${id}`, undefined, { cookie: admin })
    ).json();
    expect(calendar.customHolidays.map((h: { date: string }) => h.date)).toEqual(dates);
    expect(calendar.removedHolidays).toEqual(["2026-07-09"]);
  });

  it("refuses bad input field by field, in pt-BR and in English, never with a 500", async () => {
    const id = await newCalendar("Validação");
    const fields = async (response: Awaited<ReturnType<typeof add>>) => {
      expect(response.statusCode).toBe(400);
      return response.json().error.fields;
    };
    expect(await fields(await add(id, { date: "2026-02-30", name: "Nada" }))).toEqual({
      date: "Data inválida: use AAAA-MM-DD.",
    });
    expect(await fields(await add(id, { date: "25/01/2026", name: "Aniversário" }))).toEqual({
      date: "Data inválida: use AAAA-MM-DD.",
    });
    expect(await fields(await add(id, { date: "2026-01-25", name: "   " }))).toEqual({
      name: "Campo obrigatório.",
    });
    expect(await fields(await add(id, { date: "2026-01-25" }))).toEqual({ name: "Campo obrigatório." });
    expect(await fields(await add(id, { date: "2026-01-25", name: "X", city: "SP" }))).toEqual({
      city: expect.any(String),
    });
    // Already a holiday: a generated one, then a custom one added twice.
    expect(await fields(await add(id, { date: "2026-04-21", name: "Tiradentes" }))).toEqual({
      date: "Esta data já é feriado neste calendário.",
    });
    expect((await add(id, { date: "2026-01-26", name: "Ponte" })).statusCode).toBe(201);
    expect(await fields(await add(id, { date: "2026-01-26", name: "Ponte outra vez" }))).toEqual({
      date: "Esta data já é feriado neste calendário.",
    });
    // A date that is not a holiday cannot be removed, nor an unremoved one restored.
    expect(await fields(await remove(id, "2026-04-22"))).toEqual({
      date: "Esta data não é feriado neste calendário.",
    });
    expect(await fields(await remove(id, "2026-13-01"))).toEqual({ date: "Data inválida: use AAAA-MM-DD." });
    expect(await fields(await restore(id, "2026-04-21"))).toEqual({
      date: "Este feriado não foi removido deste calendário.",
    });
    expect((await remove(id, "2026-04-21")).statusCode).toBe(200);
    expect(await fields(await remove(id, "2026-04-21"))).toEqual({
      date: "Esta data não é feriado neste calendário.",
    });
    expect(Object.keys(await fields(await holidays(id, "vinte")))).toEqual(["year"]);
    expect(Object.keys(await fields(await holidays(id, "1800")))).toEqual(["year"]);

    const englishAdmin = await loginAs(t.app, await makeUser(t.ctx, "admin", { locale: "en" }));
    const english = await add(id, { date: "2026-01-26", name: "Bridge" }, englishAdmin);
    expect(await fields(english)).toEqual({ date: "This date is already a holiday in this calendar." });
  });

  it("admins change holidays; agents read them (403 on changes); customers get 404", async () => {
    const id = await newCalendar("Permissões");
    const company = await makeCompany(t.ctx);
    const customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    const unknown = "0192f2a0-0000-7000-8000-000000000000";
    const body = { date: "2026-06-04", name: "Corpus Christi" };
    const routes = [
      ["GET", `/api/v1/calendars/${id}/holidays`, undefined],
      ["POST", `/api/v1/calendars/${id}/holidays`, body],
      ["DELETE", `/api/v1/calendars/${id}/holidays/2026-04-21`, undefined],
      ["POST", `/api/v1/calendars/${id}/holidays/2026-04-21/restore`, undefined],
    ] as const;
    for (const [method, url, payload] of routes) {
      expect(
        (await call(t.app, method, url, payload, { cookie: customer })).statusCode,
        `customer ${url}`,
      ).toBe(404);
      const staff = await call(t.app, method, url, payload, { cookie: agent });
      expect(staff.statusCode, `agent ${method} ${url}`).toBe(method === "GET" ? 200 : 403);
      expect((await call(t.app, method, url, payload)).statusCode, `anonymous ${url}`).toBe(401);
      const missing = await call(t.app, method, url.replace(id, unknown), payload, { cookie: admin });
      expect(missing.statusCode, `admin ${method} on an unknown calendar`).toBe(404);
      expect(missing.json().error.code).toBe("calendar.not_found");
    }
    // Nothing the refused calls asked for happened.
    const list = (await holidays(id)).json();
    expect(byDate(list.items)["2026-06-04"]).toBeUndefined();
    expect(byDate(list.items)["2026-04-21"]).toBeDefined();
  });

  it("a calendar saved without the new fields keeps its holiday decisions; with them, replaces them", async () => {
    const created = (
      await call(t.app, "GET", `/api/v1/calendars/${await newCalendar("PUT")}`, undefined, {
        cookie: admin,
      })
    ).json();
    expect(created).toMatchObject({ customHolidays: [], removedHolidays: [] });
    const id = created.id;
    await add(id, { date: "2026-06-04", name: "Corpus Christi" });
    await remove(id, "2026-07-09");

    const put = (body: unknown) => call(t.app, "PUT", `/api/v1/calendars/${id}`, body, { cookie: admin });
    const kept = await put({ ...demoCalendar, name: "PUT", closedDates: ["2026-12-24"] });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({
      closedDates: ["2026-12-24"],
      customHolidays: [{ date: "2026-06-04", name: "Corpus Christi" }],
      removedHolidays: ["2026-07-09"],
    });

    const replaced = await put({
      ...demoCalendar,
      name: "PUT",
      customHolidays: [{ date: "2027-01-25", name: "Aniversário de São Paulo" }],
      removedHolidays: [],
    });
    expect(replaced.json()).toMatchObject({
      customHolidays: [{ date: "2027-01-25", name: "Aniversário de São Paulo" }],
      removedHolidays: [],
    });

    const notHoliday = await put({ ...demoCalendar, name: "PUT", removedHolidays: ["2026-04-22"] });
    expect(notHoliday.statusCode).toBe(400);
    expect(notHoliday.json().error.fields).toEqual({
      "removedHolidays.0": "Esta data não é feriado neste calendário.",
    });
    const twice = await put({
      ...demoCalendar,
      name: "PUT",
      customHolidays: [
        { date: "2027-01-25", name: "Aniversário" },
        { date: "2027-01-25", name: "De novo" },
      ],
    });
    expect(twice.json().error.fields).toEqual({
      "customHolidays.1.date": "Já existe um feriado próprio nesta data.",
    });
  });

  it("the customer's support policy shows the effective holidays: custom in, removed out", async () => {
    const id = await newCalendar("Política");
    await add(id, { date: "2026-06-04", name: "Corpus Christi" });
    await remove(id, "2026-07-09");
    const plan = (
      await call(
        t.app,
        "POST",
        "/api/v1/plans",
        { ...demoPlans[0], name: "Plano da política", calendarId: id },
        { cookie: admin },
      )
    ).json();
    const company = await makeCompany(t.ctx);
    await call(t.app, "PATCH", `/api/v1/companies/${company.id}`, { planId: plan.id }, { cookie: admin });
    const customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    const plans = (await call(t.app, "GET", "/api/v1/plans", undefined, { cookie: customer })).json();
    const upcoming = byDate(plans.items[0].calendar.upcomingHolidays);
    expect(upcoming["2026-06-04"]).toEqual({ date: "2026-06-04", name: "Corpus Christi", scope: "custom" });
    expect(upcoming["2026-07-09"]).toBeUndefined();
    expect(upcoming["2026-09-07"]?.scope).toBe("national");
  });

  it("a ticket's deadline and its explanation follow a custom holiday, simulations follow each change", async () => {
    const id = await newCalendar("Prazos");
    const plan = (
      await call(
        t.app,
        "POST",
        "/api/v1/plans",
        { ...demoPlans[1], name: "Com feriados", calendarId: id },
        {
          cookie: admin,
        },
      )
    ).json();
    const company = await makeCompany(t.ctx);
    await call(t.app, "PATCH", `/api/v1/companies/${company.id}`, { planId: plan.id }, { cookie: admin });
    const customerUser = await makeUser(t.ctx, "customer", { company });
    const simulate = async (openedAt: string) =>
      (
        await call(
          t.app,
          "POST",
          "/api/v1/sla/simulate",
          { planId: plan.id, priority: "normal", openedAt },
          { cookie: agent },
        )
      ).json().firstResponseDueAt;

    // Normal priority: 4 business hours to the first response. Wednesday 17:00 + 1 h, then 3 h.
    expect(await simulate("2026-06-03T17:00:00-03:00")).toBe("2026-06-04T11:00:00.000-03:00");
    expect(await simulate("2026-07-08T17:00:00-03:00")).toBe("2026-07-10T11:00:00.000-03:00");
    await add(id, { date: "2026-06-04", name: "Corpus Christi" });
    await remove(id, "2026-07-09");
    expect(await simulate("2026-06-03T17:00:00-03:00")).toBe("2026-06-05T11:00:00.000-03:00");
    expect(await simulate("2026-07-08T17:00:00-03:00")).toBe("2026-07-09T11:00:00.000-03:00");

    t.clock.set("2026-06-03T17:00:00-03:00");
    // Sessions idle since April have expired: sign in again at the new time.
    const customer = await loginAs(t.app, customerUser);
    const staff = await loginAs(t.app, agentUser);
    const opened = await call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: customer });
    expect(opened.statusCode).toBe(201);
    const number = opened.json().number;
    const ticket = (
      await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie: customer })
    ).json();
    const firstResponse = ticket.sla.deadlines.find((d: { metric: string }) => d.metric === "first_response");
    expect(firstResponse.dueAt).toBe("2026-06-05T14:00:00.000Z"); // Friday 11:00 -03
    const explained = (
      await call(t.app, "GET", `/api/v1/tickets/${number}/deadlines/first_response`, undefined, {
        cookie: staff,
      })
    ).json();
    expect(explained.segments.find((s: { kind: string }) => s.kind === "holiday")).toMatchObject({
      holidayName: "Corpus Christi",
    });
    expect(explained.lines).toContain("04/06/2026: feriado — Corpus Christi");
    t.clock.set("2026-04-22T13:00:00Z");
  });
});
