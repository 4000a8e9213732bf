// "Empresas" in the console: the list's filters and counts, the company page, registering and
// changing a company, across the roles (admin, supervisor, agent, company admin, customer, anonymous).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../../../test/support/app";
import {
  approvedEstimate,
  type BillingWorld,
  consultancyTicket,
  makeBillingWorld,
  openTicket,
} from "../../../../test/support/billing";
import { loginAs, makeCompany, makeUser, nextCnpj } from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";

type Who = "admin" | "supervisor" | "agent" | "adminA" | "customerA" | "anonymous";
const EVERYONE: Who[] = ["admin", "supervisor", "agent", "adminA", "customerA", "anonymous"];

describe("companies in the console", () => {
  let w: BillingWorld;
  let planId: string;
  beforeAll(async () => {
    w = await makeBillingWorld();
    const row = await w.t.ctx.db.selectFrom("plan").select("id").executeTakeFirstOrThrow();
    planId = row.id;
  });
  afterAll(() => w.t.close());

  const as = (who: Who) => w[who];

  it("lists companies with plan, active users and open tickets for every staff member; customers get 404, nobody signed in 401", async () => {
    await openTicket(w, w.customerA, "Boleto não gera remessa");
    const expected = { admin: 200, supervisor: 200, agent: 200, adminA: 404, customerA: 404, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).get("/api/v1/companies?limit=100");
      expect(response.statusCode, who).toBe(expected[who]);
    }
    const items = (await w.agent.get("/api/v1/companies?limit=100")).json().items;
    const a = items.find((c: { id: string }) => c.id === w.companyA.id);
    expect(a).toMatchObject({ planName: "Profissional", activeUsers: 2, openTickets: 1 });
    const b = items.find((c: { id: string }) => c.id === w.companyB.id);
    expect(b).toMatchObject({ planName: null, activeUsers: 1, openTickets: 0 });
  });

  it("filters by active, plan and state, and searches a formatted CNPJ", async () => {
    const idle = await makeCompany(w.t.ctx, { name: "Cerâmica Inativa Ltda", state: "RJ" });
    expect((await w.admin.patch(`/api/v1/companies/${idle.id}`, { active: false })).statusCode).toBe(200);
    const ids = async (query: string) =>
      (await w.agent.get(`/api/v1/companies?limit=100&${query}`))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await ids("active=false")).toEqual([idle.id]);
    expect(await ids("active=true")).not.toContain(idle.id);
    expect(await ids(`planId=${planId}`)).toEqual([w.companyA.id]);
    expect(await ids("state=MG")).toEqual([w.companyB.id]);
    expect(await ids("state=RJ&active=false")).toEqual([idle.id]);
    const cnpj = w.companyB.cnpj;
    const formatted = `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
    expect(await ids(`q=${encodeURIComponent(formatted)}`)).toEqual([w.companyB.id]);
    const bad = await w.agent.get("/api/v1/companies?state=XX&active=maybe");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(["state", "active"]));
  });

  it("shows a company's page to staff: counts, recent tickets and the month's consultancy against the plan", async () => {
    const number = await consultancyTicket(
      w,
      "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
    );
    await approvedEstimate(w, number, 90);
    const expected = { admin: 200, supervisor: 200, agent: 200, adminA: 404, customerA: 404, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).get(`/api/v1/companies/${w.companyA.id}/overview`);
      expect(response.statusCode, who).toBe(expected[who]);
    }
    const overview = (await w.supervisor.get(`/api/v1/companies/${w.companyA.id}/overview`)).json();
    expect(overview.company).toMatchObject({ id: w.companyA.id, planName: "Profissional" });
    expect(overview.recentTickets[0]).toMatchObject({ number });
    // Profissional includes 4 h a month; 1 h 30 min approved this month.
    expect(overview.consultancy).toMatchObject({
      month: "2026-04",
      includedMinutes: 240,
      approvedMinutes: 90,
      usedIncludedMinutes: 90,
      billableMinutes: 0,
    });
    const statement = await w.supervisor.get(`/api/v1/console/statements/${w.companyA.id}?month=2026-04`);
    // The same figures as the monthly statement, from the same code.
    expect(statement.json().figures).toMatchObject({ approvedMinutes: 90, includedMinutes: 240 });
    const missing = await w.admin.get("/api/v1/companies/00000000-0000-4000-8000-000000000000/overview");
    expect(missing.statusCode).toBe(404);
  });

  it("only an admin registers a company; an invalid CNPJ is a field error, a duplicate one 409 on the field", async () => {
    const body = () => ({
      name: "Padaria Pão Dourado Ltda",
      cnpj: nextCnpj(),
      state: "PR",
      city: "Curitiba",
    });
    const expected = { admin: 201, supervisor: 403, agent: 403, adminA: 404, customerA: 404, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).post("/api/v1/companies", body());
      expect(response.statusCode, who).toBe(expected[who]);
    }
    const invalid = await w.admin.post("/api/v1/companies", { ...body(), cnpj: "11.444.777/0001-62" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toHaveProperty("cnpj");
    const duplicate = await w.admin.post("/api/v1/companies", { ...body(), cnpj: w.companyB.cnpj });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: "company.cnpj_taken",
      fields: { cnpj: "Já existe uma empresa com este CNPJ." },
    });
    const badState = await w.admin.post("/api/v1/companies", { ...body(), state: "XX", name: "" });
    expect(badState.statusCode).toBe(400);
    expect(Object.keys(badState.json().error.fields)).toEqual(expect.arrayContaining(["state", "name"]));
  });

  it("only an admin edits and changes the plan, audited before → after", async () => {
    const company = await makeCompany(w.t.ctx, { name: "Ótica Visão Clara Ltda" });
    const expected = { admin: 200, supervisor: 403, agent: 403, adminA: 404, customerA: 404, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).patch(`/api/v1/companies/${company.id}`, { city: "Campinas" });
      expect(response.statusCode, who).toBe(expected[who]);
    }
    const changed = await w.admin.patch(`/api/v1/companies/${company.id}`, { planId });
    expect(changed.json()).toMatchObject({ planId });
    const unknownPlan = await w.admin.patch(`/api/v1/companies/${company.id}`, {
      planId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownPlan.statusCode).toBe(400);
    expect(unknownPlan.json().error.fields).toHaveProperty("planId");
    const audit = await listAuditFor(w.t.ctx.db, "company", company.id);
    expect(audit.map((a) => a.action)).toEqual([
      "company.created",
      "company.updated",
      "company.plan_changed",
    ]);
    expect(audit[1]?.details).toMatchObject({
      changes: { city: { before: "São Paulo", after: "Campinas" } },
    });
    expect(audit[2]?.details).toMatchObject({ changes: { planId: { before: null, after: planId } } });
  });

  it("deactivating ends its users' sessions at once (the old cookie gets 401), refuses sign-in, deletes nothing; reactivating lets them in again", async () => {
    const company = await makeCompany(w.t.ctx, { name: "Transportes Rápido Sul Ltda", state: "RJ" });
    const user = await makeUser(w.t.ctx, "customer", { company });
    const cookie = await loginAs(w.t.app, user);
    const deactivated = await w.admin.patch(`/api/v1/companies/${company.id}`, { active: false });
    expect(deactivated.json().active).toBe(false);
    const sessions = await w.t.ctx.db
      .selectFrom("session")
      .select("id")
      .where("user_id", "=", user.id)
      .execute();
    expect(sessions).toHaveLength(0);
    expect((await call(w.t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
    const login = await call(w.t.app, "POST", "/api/v1/auth/login", {
      email: user.email,
      password: user.password,
    });
    expect(login.statusCode).toBe(401);
    const stillThere = await w.t.ctx.db
      .selectFrom("app_user")
      .select("id")
      .where("id", "=", user.id)
      .executeTakeFirst();
    expect(stillThere).toBeDefined();
    const audit = await listAuditFor(w.t.ctx.db, "company", company.id);
    expect(audit.at(-1)).toMatchObject({
      action: "company.deactivated",
      details: { changes: { active: { before: true, after: false } } },
    });

    expect((await w.admin.patch(`/api/v1/companies/${company.id}`, { active: true })).statusCode).toBe(200);
    const again = await call(w.t.app, "POST", "/api/v1/auth/login", {
      email: user.email,
      password: user.password,
    });
    expect(again.statusCode).toBe(200);
  });
});
