// `Authorization: Bearer` on the API: scopes against routes, revoked and expired tokens, tenant
// isolation, company-bound service tokens, no Origin needed, the rate limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
  ticketBody,
} from "../../../../test/support/factories";
import type { ApiScope } from "../../../contracts/tokens";
import { listAuditFor } from "../audit/repository";
import type { CompanyRow } from "../companies/repository";
import { bearer, createTokenAs } from "./test-support";

describe("bearer tokens", () => {
  let t: TestApp;
  let catalog: Catalog;
  let companyA: CompanyRow;
  let companyB: CompanyRow;
  let admin: MadeUser;
  let adminCookie: string;
  let customerA: MadeUser;
  let customerCookie: string;
  let ticketA: number;
  let ticketB: number;

  beforeAll(async () => {
    t = await buildTestApp({ env: { API_TOKEN_RATE_PER_MINUTE: "1000" } });
    catalog = await makeCatalog(t.ctx);
    companyA = await makeCompany(t.ctx, { name: "Empresa A" });
    companyB = await makeCompany(t.ctx, { name: "Empresa B" });
    admin = await makeUser(t.ctx, "admin");
    adminCookie = await loginAs(t.app, admin);
    customerA = await makeUser(t.ctx, "customer", { company: companyA });
    customerCookie = await loginAs(t.app, customerA);
    const customerB = await makeUser(t.ctx, "customer", { company: companyB });
    ticketA = await makeTicket(t.ctx, catalog, customerA);
    ticketB = await makeTicket(t.ctx, catalog, customerB);
  });
  afterAll(() => t.close());

  /** Representative routes per scope, each with a request that succeeds for an admin's token. */
  const routes = () =>
    [
      { scope: "tickets:read", method: "GET", url: `/api/v1/tickets/${ticketA}`, ok: 200 },
      { scope: "tickets:read", method: "GET", url: "/api/v1/console/queue", ok: 200 },
      {
        scope: "tickets:write",
        method: "POST",
        url: `/api/v1/tickets/${ticketA}/messages`,
        body: { body: "Resposta enviada por script.", internal: true },
        ok: 201,
      },
      {
        scope: "kb:write",
        method: "POST",
        url: "/api/v1/categories",
        body: { name: `Categoria ${Math.random()}`.slice(0, 30), description: "Criada por script." },
        ok: 201,
      },
      { scope: "users:read", method: "GET", url: "/api/v1/users", ok: 200 },
      {
        scope: "users:write",
        method: "POST",
        url: "/api/v1/users",
        body: () => ({
          name: "Pessoa do Script",
          email: `script${Math.random().toString(36).slice(2)}@example.com.br`,
          role: "customer",
          companyId: companyA.id,
        }),
        ok: 201,
      },
      { scope: "reports:read", method: "GET", url: "/api/v1/sla/compliance?month=2026-04", ok: 200 },
      { scope: "companies:read", method: "GET", url: "/api/v1/companies", ok: 200 },
    ] as const;

  it("lets each scope through its routes and refuses the others with 403 naming the scope", async () => {
    const scopes = [...new Set(routes().map((route) => route.scope))] as ApiScope[];
    for (const scope of scopes) {
      const { token } = await createTokenAs(t.app, adminCookie, { scopes: [scope] });
      for (const route of routes()) {
        const body =
          "body" in route ? (typeof route.body === "function" ? route.body() : route.body) : undefined;
        const response = await bearer(t.app, route.method, route.url, token, body);
        const name = `${scope} → ${route.method} ${route.url}`;
        if (route.scope === scope) {
          expect(response.statusCode, `${name}: ${response.body}`).toBe(route.ok);
        } else {
          expect(response.statusCode, name).toBe(403);
          expect(response.json().error.code, name).toBe("api_token.scope_missing");
          expect(response.json().error.message, name).toContain(route.scope);
        }
      }
    }
  });

  it("never opens a session-only route to a token, whatever its scopes", async () => {
    const { token } = await createTokenAs(t.app, adminCookie, { scopes: ["tickets:read", "users:write"] });
    for (const [method, url] of [
      ["GET", "/api/v1/settings"],
      ["POST", "/api/v1/me/password"],
      ["GET", "/api/v1/tokens"],
      ["POST", "/api/v1/tokens"],
      ["GET", "/api/v1/audit"],
    ] as const) {
      const response = await bearer(t.app, method, url, token, method === "POST" ? {} : undefined);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code, url).toBe("api_token.session_only");
    }
    expect((await bearer(t.app, "GET", "/api/v1/me", token)).json().id).toBe(admin.id);
  });

  it("takes a POST without Origin or cookie, and audits the change naming the token", async () => {
    const created = await createTokenAs(t.app, adminCookie, { name: "ERP sync", scopes: ["users:write"] });
    const response = await bearer(t.app, "POST", "/api/v1/users", created.token, {
      name: "Cadastro do ERP",
      email: "cadastro.erp@example.com.br",
      role: "customer",
      companyId: companyA.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const audit = await listAuditFor(t.ctx.db, "user", response.json().user.id);
    expect(audit[0]?.actor_id).toBe(admin.id);
    expect(audit[0]?.details.apiToken).toEqual({ id: created.id, name: "ERP sync" });
    const trail = await call(t.app, "GET", "/api/v1/audit?kind=user", undefined, { cookie: adminCookie });
    const entry = trail
      .json()
      .items.find((item: { target: { id: string } }) => item.target.id === audit[0]?.target_id);
    expect(entry.apiToken).toEqual({ id: created.id, name: "ERP sync" });
    // The same POST with the session cookie and no Origin is still refused (CSRF).
    const cookieOnly = await t.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { host: "extranet.test", cookie: adminCookie },
      payload: {},
    });
    expect(cookieOnly.statusCode).toBe(403);
  });

  it("uses only the token when a request carries a cookie too", async () => {
    const { token } = await createTokenAs(t.app, customerCookie, { scopes: ["tickets:read"] });
    // The admin's cookie does not lift the customer's token to staff routes.
    const response = await bearer(t.app, "GET", "/api/v1/users", token, undefined, { cookie: adminCookie });
    expect(response.statusCode).toBe(403);
    const me = await bearer(t.app, "GET", "/api/v1/me", token, undefined, { cookie: adminCookie });
    expect(me.json().id).toBe(customerA.id);
  });

  it("answers 401 to an unknown, malformed, revoked or expired token and after deactivation", async () => {
    for (const value of ["ext_nope", "not-ours", `ext_${"a".repeat(43)}`, ""]) {
      const response = await bearer(t.app, "GET", "/api/v1/me", value);
      expect(response.statusCode, value).toBe(401);
      expect(response.json().error.code).toBe("api_token.invalid");
    }
    const revoked = await createTokenAs(t.app, customerCookie, { scopes: ["tickets:read"] });
    expect((await bearer(t.app, "GET", "/api/v1/tickets", revoked.token)).statusCode).toBe(200);
    const del = await call(t.app, "DELETE", `/api/v1/tokens/${revoked.id}`, undefined, {
      cookie: customerCookie,
    });
    expect(del.statusCode).toBe(204);
    expect((await bearer(t.app, "GET", "/api/v1/tickets", revoked.token)).statusCode).toBe(401);

    const expiring = await createTokenAs(t.app, customerCookie, {
      scopes: ["tickets:read"],
      expiresAt: new Date(t.clock.now() + 60 * 60_000).toISOString(),
    });
    expect((await bearer(t.app, "GET", "/api/v1/tickets", expiring.token)).statusCode).toBe(200);
    t.clock.advance(61 * 60_000);
    expect((await bearer(t.app, "GET", "/api/v1/tickets", expiring.token)).statusCode).toBe(401);

    const person = await makeUser(t.ctx, "customer", { company: companyA });
    const personal = await createTokenAs(t.app, await loginAs(t.app, person), { scopes: ["tickets:read"] });
    expect((await bearer(t.app, "GET", "/api/v1/tickets", personal.token)).statusCode).toBe(200);
    const off = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${person.id}`,
      { active: false },
      { cookie: adminCookie },
    );
    expect(off.statusCode, off.body).toBe(200);
    expect((await bearer(t.app, "GET", "/api/v1/tickets", personal.token)).statusCode).toBe(401);
  });

  it("keeps a customer's personal token in its company and off staff routes", async () => {
    const { token } = await createTokenAs(t.app, customerCookie, {
      scopes: ["tickets:read", "tickets:write", "companies:read"],
    });
    expect((await bearer(t.app, "GET", `/api/v1/tickets/${ticketA}`, token)).statusCode).toBe(200);
    const other = await bearer(t.app, "GET", `/api/v1/tickets/${ticketB}`, token);
    const missing = await bearer(t.app, "GET", "/api/v1/tickets/999999", token);
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect(
      (await bearer(t.app, "POST", `/api/v1/tickets/${ticketB}/messages`, token, { body: "Olá" })).statusCode,
    ).toBe(404);
    expect((await bearer(t.app, "GET", "/api/v1/console/queue", token)).statusCode).toBe(404);
    expect((await bearer(t.app, "GET", `/api/v1/companies/${companyB.id}`, token)).statusCode).toBe(404);
    const list = await bearer(t.app, "GET", "/api/v1/tickets", token);
    expect(list.json().items.map((item: { number: number }) => item.number)).toEqual([ticketA]);
  });

  it("keeps a company-bound service token within its company, acting as its admin", async () => {
    const service = await createTokenAs(t.app, adminCookie, {
      kind: "service",
      name: "ERP da Empresa A",
      scopes: ["tickets:read", "tickets:write", "users:read"],
      companyId: companyA.id,
    });
    expect(service.company).toEqual({ id: companyA.id, name: "Empresa A" });
    const me = (await bearer(t.app, "GET", "/api/v1/me", service.token)).json();
    expect(me.role).toBe("customer_admin");
    expect(me.company.id).toBe(companyA.id);
    const opened = await bearer(t.app, "POST", "/api/v1/tickets", service.token, ticketBody(catalog));
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await bearer(t.app, "GET", `/api/v1/tickets/${ticketA}`, service.token)).statusCode).toBe(200);
    expect((await bearer(t.app, "GET", `/api/v1/tickets/${ticketB}`, service.token)).statusCode).toBe(404);
    expect(
      (await bearer(t.app, "GET", `/api/v1/users?companyId=${companyB.id}`, service.token)).statusCode,
    ).toBe(404);
    expect((await bearer(t.app, "GET", "/api/v1/console/queue", service.token)).statusCode).toBe(404);
    // A staff-wide service token acts as an admin, within its scopes.
    const staff = await createTokenAs(t.app, adminCookie, {
      kind: "service",
      name: "BI",
      scopes: ["tickets:read"],
    });
    expect((await bearer(t.app, "GET", `/api/v1/tickets/${ticketB}`, staff.token)).statusCode).toBe(200);
    expect((await bearer(t.app, "GET", "/api/v1/console/queue", staff.token)).statusCode).toBe(200);
  });

  it("records the last use at most once a minute", async () => {
    const created = await createTokenAs(t.app, customerCookie, { name: "Uso", scopes: ["tickets:read"] });
    expect(created.lastUsedAt).toBeNull();
    const lastUse = async () => {
      const list = await call(t.app, "GET", "/api/v1/tokens", undefined, { cookie: customerCookie });
      return list.json().items.find((item: { id: string }) => item.id === created.id).lastUsedAt;
    };
    await bearer(t.app, "GET", "/api/v1/me", created.token);
    const first = await lastUse();
    expect(first).toBe(new Date(t.clock.now()).toISOString());
    t.clock.advance(30_000);
    await bearer(t.app, "GET", "/api/v1/me", created.token);
    expect(await lastUse()).toBe(first);
    t.clock.advance(31_000);
    await bearer(t.app, "GET", "/api/v1/me", created.token);
    expect(await lastUse()).toBe(new Date(t.clock.now()).toISOString());
  });
});

describe("bearer token rate limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { API_TOKEN_RATE_PER_MINUTE: "5" } });
  });
  afterAll(() => t.close());

  it("answers 429 with Retry-After past the limit, per token, and again after the minute", async () => {
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const first = await createTokenAs(t.app, cookie, { scopes: ["tickets:read"] });
    const second = await createTokenAs(t.app, cookie, { scopes: ["tickets:read"] });
    for (let i = 0; i < 5; i++)
      expect((await bearer(t.app, "GET", "/api/v1/me", first.token)).statusCode).toBe(200);
    t.clock.advance(20_000);
    const refused = await bearer(t.app, "GET", "/api/v1/me", first.token);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("40");
    expect(refused.json().error.code).toBe("api_token.rate_limited");
    expect((await bearer(t.app, "GET", "/api/v1/me", second.token)).statusCode).toBe(200);
    // The session is not counted against the token.
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(200);
    t.clock.advance(40_000);
    expect((await bearer(t.app, "GET", "/api/v1/me", first.token)).statusCode).toBe(200);
  });
});
