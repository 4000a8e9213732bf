import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { letCompanyAdminsInvite, loginAs, makeCompany, makeUser } from "../../../../test/support/factories";

describe("users", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await letCompanyAdminsInvite(t.ctx, true);
  });
  afterAll(() => t.close());

  it("an admin creates staff without a company; a company for staff is refused", async () => {
    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const created = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Juliana Prado", email: "Juliana.Prado@UNO.com.br", role: "agent" },
      { cookie: admin },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({
      email: "juliana.prado@uno.com.br",
      role: "agent",
      companyId: null,
      locale: "pt-BR",
      hasPassword: false,
      active: true,
    });
    expect(created.json().user).not.toHaveProperty("password_hash");

    const company = await makeCompany(t.ctx);
    const wrong = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Outra Pessoa", email: "outra@uno.com.br", role: "agent", companyId: company.id },
      { cookie: admin },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("user.company_not_allowed");
  });

  it("e-mails are unique case-insensitively", async () => {
    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const body = { name: "Pessoa Um", email: "unica@example.com.br", role: "supervisor" };
    expect((await call(t.app, "POST", "/api/v1/users", body, { cookie: admin })).statusCode).toBe(201);
    const again = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { ...body, email: "UNICA@example.com.br" },
      { cookie: admin },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("Já existe um usuário com este e-mail.");
  });

  it("customer users need an existing, active company", async () => {
    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const none = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Sem Empresa", email: "sem@example.com.br", role: "customer" },
      { cookie: admin },
    );
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe("user.company_required");
    const unknown = await call(
      t.app,
      "POST",
      "/api/v1/users",
      {
        name: "Sem Empresa",
        email: "sem@example.com.br",
        role: "customer",
        companyId: "0192f2a0-0000-7000-8000-000000000000",
      },
      { cookie: admin },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ companyId: "Empresa não encontrada." });
    const inactive = await makeCompany(t.ctx);
    await call(t.app, "PATCH", `/api/v1/companies/${inactive.id}`, { active: false }, { cookie: admin });
    const toInactive = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Sem Empresa", email: "sem@example.com.br", role: "customer", companyId: inactive.id },
      { cookie: admin },
    );
    expect(toInactive.statusCode).toBe(422);
  });

  it("supervisors and agents manage customers, not staff", async () => {
    const supervisor = await loginAs(t.app, await makeUser(t.ctx, "supervisor"));
    const company = await makeCompany(t.ctx);
    const staff = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Novo Admin", email: "novo.admin@uno.com.br", role: "admin" },
      { cookie: supervisor },
    );
    expect(staff.statusCode).toBe(403);
    const customer = await call(
      t.app,
      "POST",
      "/api/v1/users",
      {
        name: "Cliente Novo",
        email: "cliente.novo@example.com.br",
        role: "customer_admin",
        companyId: company.id,
      },
      { cookie: supervisor },
    );
    expect(customer.statusCode).toBe(201);
    const agentUser = await makeUser(t.ctx, "agent");
    expect(
      (await call(t.app, "PATCH", `/api/v1/users/${agentUser.id}`, { active: false }, { cookie: supervisor }))
        .statusCode,
    ).toBe(403);
  });

  it("a company's admin creates plain users in its own company only", async () => {
    const company = await makeCompany(t.ctx);
    const companyAdmin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    const ok = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Colega", email: "colega@example.com.br", role: "customer", companyId: company.id },
      { cookie: companyAdmin },
    );
    // An invitation (see invitations.test.ts): answered alike whatever the e-mail, no link.
    expect(ok.statusCode).toBe(202);
    const promote = await call(
      t.app,
      "POST",
      "/api/v1/users",
      {
        name: "Outro Admin",
        email: "outro.admin@example.com.br",
        role: "customer_admin",
        companyId: company.id,
      },
      { cookie: companyAdmin },
    );
    expect(promote.statusCode).toBe(403);
    // Staff accounts are none of a customer's business: not even their existence.
    const staff = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Agente", email: "agente@example.com.br", role: "agent" },
      { cookie: companyAdmin },
    );
    expect(staff.statusCode).toBe(404);

    const list = await call(t.app, "GET", "/api/v1/users", undefined, { cookie: companyAdmin });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((u: { companyId: string }) => u.companyId === company.id)).toBe(true);
    // The admin; the invited colleague shows once they have set a password.
    expect(list.json().items).toHaveLength(1);
  });

  it("a plain customer may not list or manage colleagues but reads itself", async () => {
    const company = await makeCompany(t.ctx);
    const user = await makeUser(t.ctx, "customer", { company });
    const colleague = await makeUser(t.ctx, "customer", { company });
    const cookie = await loginAs(t.app, user);
    expect((await call(t.app, "GET", "/api/v1/users", undefined, { cookie })).statusCode).toBe(403);
    expect(
      (await call(t.app, "GET", `/api/v1/users/${colleague.id}`, undefined, { cookie })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, "POST", `/api/v1/users/${colleague.id}/password-link`, undefined, { cookie }))
        .statusCode,
    ).toBe(403);
    expect((await call(t.app, "GET", `/api/v1/users/${user.id}`, undefined, { cookie })).statusCode).toBe(
      200,
    );
  });

  it("disabling an account ends its sessions; nobody disables themselves", async () => {
    const adminUser = await makeUser(t.ctx, "admin");
    const admin = await loginAs(t.app, adminUser);
    const user = await makeUser(t.ctx, "customer");
    const cookie = await loginAs(t.app, user);
    const disabled = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${user.id}`,
      { active: false },
      { cookie: admin },
    );
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
    const self = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${adminUser.id}`,
      { active: false },
      { cookie: admin },
    );
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe("user.self_disable");
  });
});
