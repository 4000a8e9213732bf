import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";

describe("/api/v1/me", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("describes a customer with its company and computed abilities", async () => {
    const company = await makeCompany(t.ctx, { name: "Distribuidora Paulista de Alimentos Ltda" });
    const user = await makeUser(t.ctx, "customer", { company, name: "Fernanda Lima" });
    const response = await call(t.app, "GET", "/api/v1/me", undefined, {
      cookie: await loginAs(t.app, user),
    });
    expect(response.json()).toEqual({
      id: user.id,
      name: "Fernanda Lima",
      email: user.email,
      role: "customer",
      locale: "pt-BR",
      company: { id: company.id, name: "Distribuidora Paulista de Alimentos Ltda", cnpj: company.cnpj },
      abilities: {
        openTickets: true,
        viewCompanyTickets: true,
        useConsole: false,
        manageCompanies: false,
        manageUsers: false,
        readCompanies: false,
        manageStaffAccounts: false,
        viewCompanyPeople: false,
        manageCompanyPeople: false,
        managePlans: false,
        readTeamTime: false,
        manageSettings: false,
        manageOutbox: false,
        manageKnowledgeBase: false,
        readSlaCompliance: false,
        readBillingStatements: false,
        manageScreens: false,
        readPlanConsumption: false,
        readAudit: false,
        managePersonalData: false,
        manageIntegrations: false,
      },
      previousLoginAt: null,
    });
  });

  it("describes staff without a company, with the console", async () => {
    const response = await call(t.app, "GET", "/api/v1/me", undefined, {
      cookie: await loginAs(t.app, await makeUser(t.ctx, "agent")),
    });
    expect(response.json()).toMatchObject({
      role: "agent",
      company: null,
      abilities: { useConsole: true, openTickets: false },
    });
  });

  it("remembers the language per user, across sessions, and answers errors in it", async () => {
    const user = await makeUser(t.ctx, "customer");
    const cookie = await loginAs(t.app, user);
    const changed = await call(t.app, "PATCH", "/api/v1/me", { locale: "en" }, { cookie });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().locale).toBe("en");

    const later = await loginAs(t.app, user);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: later })).json().locale).toBe("en");
    const error = await call(t.app, "GET", "/api/v1/companies", undefined, { cookie: later });
    expect(error.json().error.message).toBe("Not found.");
  });

  it("refuses an unknown language and unknown fields", async () => {
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "customer"));
    const response = await call(t.app, "PATCH", "/api/v1/me", { locale: "fr", role: "admin" }, { cookie });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      locale: "Use um destes valores: pt-BR, en.",
      role: "Campo desconhecido.",
    });
  });

  it("answers 401 without a session", async () => {
    const response = await call(t.app, "GET", "/api/v1/me");
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe("Sua sessão expirou ou você não entrou. Entre novamente.");
  });
});
