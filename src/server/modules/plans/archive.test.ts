// Archiving plans and calendars: refused with a 409 naming who uses them, hidden from new choices,
// kept where they are used; and who may do it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../../../test/support/app";
import { type BillingWorld, type Caller, makeBillingWorld } from "../../../../test/support/billing";
import { loginAs } from "../../../../test/support/factories";
import { demoCalendar, demoPlans } from "../../seed/content/plans";

describe("archiving plans and calendars", () => {
  let w: BillingWorld;
  let usedPlanId: string;
  let calendarId: string;
  let sparePlanId: string;
  let spareCalendarId: string;

  beforeAll(async () => {
    w = await makeBillingWorld();
    usedPlanId =
      w.companyA.plan_id ??
      (
        await w.t.ctx.db
          .selectFrom("company")
          .select("plan_id")
          .where("id", "=", w.companyA.id)
          .executeTakeFirstOrThrow()
      ).plan_id ??
      "";
    const plan = (await w.admin.get(`/api/v1/plans/${usedPlanId}`)).json();
    calendarId = plan.calendarId;
    spareCalendarId = (
      await w.admin.post("/api/v1/calendars", { ...demoCalendar, name: "Plantão de fim de ano" })
    ).json().id;
    const basic = demoPlans.find((p) => p.name === "Básico");
    sparePlanId = (await w.admin.post("/api/v1/plans", { ...basic, calendarId: spareCalendarId })).json().id;
  });
  afterAll(() => w.t.close());

  it("refuses to archive a plan a company has, naming the companies", async () => {
    await w.admin.patch(`/api/v1/companies/${w.companyB.id}`, { planId: usedPlanId });
    const response = await w.admin.post(`/api/v1/plans/${usedPlanId}/archive`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: "plan.archive_in_use",
      message:
        "Este plano não pode ser arquivado: é o plano de Distribuidora Paulista de Alimentos Ltda, Metalúrgica Vale do Aço S.A.. Mude o plano dessas empresas antes.",
      usedBy: ["Distribuidora Paulista de Alimentos Ltda", "Metalúrgica Vale do Aço S.A."],
    });
    expect((await w.admin.get(`/api/v1/plans/${usedPlanId}`)).json().archivedAt).toBeNull();
  });

  it("refuses to archive a calendar a plan in use counts in, naming the plans", async () => {
    const response = await w.admin.post(`/api/v1/calendars/${calendarId}/archive`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: "calendar.archive_in_use",
      usedBy: ["Profissional"],
    });
    expect(response.json().error.message).toContain("os planos Profissional contam prazos nele");
  });

  it("archives a plan nobody has: no longer accepted for a company, still listed and readable, and back again", async () => {
    const archived = await w.admin.post(`/api/v1/plans/${sparePlanId}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).toBe(new Date(w.t.clock.now()).toISOString());
    const assign = await w.admin.patch(`/api/v1/companies/${w.companyB.id}`, { planId: sparePlanId });
    expect(assign.statusCode).toBe(400);
    expect(assign.json().error.fields).toEqual({ planId: "Plano não encontrado ou arquivado." });
    const listed = (await w.agent.get("/api/v1/plans")).json().items;
    expect(listed.find((p: { id: string }) => p.id === sparePlanId).archivedAt).not.toBeNull();
    // Archiving twice changes nothing.
    expect((await w.admin.post(`/api/v1/plans/${sparePlanId}/archive`)).statusCode).toBe(200);
    const audit = await w.t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("target_id", "=", sparePlanId)
      .where("action", "like", "plan.%archived")
      .execute();
    expect(audit).toEqual([{ action: "plan.archived", actor_id: w.admin.user.id }]);
  });

  it("archives a calendar only archived plans count in; a new plan cannot choose it, its plan keeps it", async () => {
    const archived = await w.admin.post(`/api/v1/calendars/${spareCalendarId}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const basic = demoPlans.find((p) => p.name === "Básico");
    const refused = await w.admin.post("/api/v1/plans", {
      ...basic,
      name: "Básico 2027",
      calendarId: spareCalendarId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({
      calendarId: "Calendário arquivado: escolha um calendário em uso.",
    });
    // The archived plan on it is still saved with the calendar it has.
    const plan = (await w.admin.get(`/api/v1/plans/${sparePlanId}`)).json();
    const adminCookie = await loginAs(w.t.app, w.admin.user);
    const kept = await call(
      w.t.app,
      "PUT",
      `/api/v1/plans/${sparePlanId}`,
      {
        name: plan.name,
        description: "Arquivado em dezembro",
        calendarId: spareCalendarId,
        services: plan.services,
        targets: plan.targets,
      },
      { cookie: adminCookie },
    );
    expect(kept.statusCode).toBe(200);
    // Bringing the plan back while its calendar is archived is allowed; the calendar comes back too.
    expect((await w.admin.post(`/api/v1/plans/${sparePlanId}/unarchive`)).json().archivedAt).toBeNull();
    expect(
      (await w.admin.post(`/api/v1/calendars/${spareCalendarId}/unarchive`)).json().archivedAt,
    ).toBeNull();
  });

  describe("who may archive", () => {
    const cases: [string, (w: BillingWorld) => Caller | Omit<Caller, "user">, number][] = [
      ["admin", (x) => x.admin, 200],
      ["supervisor", (x) => x.supervisor, 403],
      ["agent", (x) => x.agent, 403],
      ["customer_admin", (x) => x.adminA, 404],
      ["customer", (x) => x.customerA, 404],
      ["anonymous", (x) => x.anonymous, 401],
    ];
    it.each(cases)("%s", async (_role, who, status) => {
      const caller = who(w);
      // In an order that works for the admin: the calendar's only plan is archived while it is.
      for (const path of [
        `/api/v1/plans/${sparePlanId}/archive`,
        `/api/v1/calendars/${spareCalendarId}/archive`,
        `/api/v1/calendars/${spareCalendarId}/unarchive`,
        `/api/v1/plans/${sparePlanId}/unarchive`,
      ]) {
        expect((await caller.post(path)).statusCode, path).toBe(status);
      }
    });

    it("an unknown or malformed id", async () => {
      expect(
        (await w.admin.post("/api/v1/plans/0190b3c8-0000-7000-8000-000000000000/archive")).statusCode,
      ).toBe(404);
      expect((await w.admin.post("/api/v1/calendars/nope/archive")).statusCode).toBe(400);
    });
  });
});
