// /api/v1/tokens: who may create which token with which scopes, the lists each person sees,
// revocation, validation and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { letCompanyAdminsInvite, loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import type { Role } from "../../../contracts/common";
import { hashToken } from "../../crypto";
import { listAuditFor } from "../audit/repository";
import type { CompanyRow } from "../companies/repository";
import { createTokenAs } from "./test-support";

describe("/api/v1/tokens", () => {
  let t: TestApp;
  let company: CompanyRow;
  const cookies = {} as Record<Role, string>;
  const ids = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await buildTestApp();
    company = await makeCompany(t.ctx, { name: "Empresa dos Tokens" });
    for (const role of ["customer", "customer_admin", "agent", "supervisor", "admin"] as const) {
      const user = await makeUser(t.ctx, role, { company });
      ids[role] = user.id;
      cookies[role] = await loginAs(t.app, user);
    }
  });
  afterAll(() => t.close());

  const create = (role: Role, body: Record<string, unknown>) =>
    call(t.app, "POST", "/api/v1/tokens", { name: "Token de teste", ...body }, { cookie: cookies[role] });

  it("refuses anonymous callers", async () => {
    expect(
      (await call(t.app, "POST", "/api/v1/tokens", { name: "x", scopes: ["tickets:read"] })).statusCode,
    ).toBe(401);
    expect((await call(t.app, "GET", "/api/v1/tokens")).statusCode).toBe(401);
    expect(
      (await call(t.app, "DELETE", "/api/v1/tokens/0192f2a0-0000-7000-8000-000000000000")).statusCode,
    ).toBe(401);
  });

  it("gives the value once, recognisable, and keeps only its hash", async () => {
    const created = await createTokenAs(t.app, cookies.customer, { scopes: ["tickets:read"] });
    expect(created.token).toMatch(/^ext_[A-Za-z0-9_-]{43}$/);
    expect(created.hint).toBe(`${created.token.slice(0, 8)}…`);
    expect(created.kind).toBe("personal");
    const row = await t.ctx.db
      .selectFrom("api_token")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(8));
    const list = await call(t.app, "GET", "/api/v1/tokens", undefined, { cookie: cookies.customer });
    expect(list.body).not.toContain(created.token);
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(created.id);
  });

  it("lets each role give a personal token only the scopes its rights reach", async () => {
    const cases: [Role, string, number][] = [
      ["customer", "tickets:write", 201],
      ["customer", "users:read", 403],
      ["customer", "users:write", 403],
      ["customer", "reports:read", 403],
      ["customer_admin", "users:read", 201],
      ["customer_admin", "reports:read", 201],
      ["customer_admin", "users:write", 403],
      ["customer_admin", "kb:write", 403],
      ["agent", "users:write", 201],
      ["agent", "kb:write", 403],
      ["supervisor", "kb:write", 201],
      ["admin", "kb:write", 201],
    ];
    for (const [role, scope, status] of cases) {
      const response = await create(role, { scopes: [scope] });
      expect(response.statusCode, `${role} ${scope}: ${response.body}`).toBe(status);
      if (status === 403) {
        expect(response.json().error.code).toBe("api_token.scope_not_allowed");
        expect(response.json().error.message).toContain(scope);
      }
    }
    // A company's admin manages its people (and so may write them) only while the settings allow it.
    await letCompanyAdminsInvite(t.ctx, true);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the settings cache
    expect((await create("customer_admin", { scopes: ["users:write"] })).statusCode).toBe(201);
    await letCompanyAdminsInvite(t.ctx, false);
  });

  it("leaves service tokens to admins: customers are not told they exist, the team is refused", async () => {
    const body = { kind: "service", scopes: ["tickets:read"] };
    expect((await create("customer", body)).statusCode).toBe(404);
    expect((await create("customer_admin", body)).statusCode).toBe(404);
    expect((await create("agent", body)).statusCode).toBe(403);
    expect((await create("supervisor", body)).statusCode).toBe(403);
    const staffWide = await create("admin", { ...body, name: "BI" });
    expect(staffWide.statusCode, staffWide.body).toBe(201);
    expect(staffWide.json().company).toBeNull();
    const bound = await create("admin", { ...body, name: "ERP", companyId: company.id });
    expect(bound.statusCode).toBe(201);
    expect(bound.json().company).toEqual({ id: company.id, name: "Empresa dos Tokens" });
    // A company-bound one reaches no further than that company's admin would.
    const beyond = await create("admin", { kind: "service", scopes: ["kb:write"], companyId: company.id });
    expect(beyond.statusCode).toBe(403);
    const unknown = await create("admin", { ...body, companyId: "0192f2a0-0000-7000-8000-000000000000" });
    expect(unknown.statusCode).toBe(404);

    for (const role of ["customer", "customer_admin"] as const) {
      const list = await call(t.app, "GET", "/api/v1/tokens?kind=service", undefined, {
        cookie: cookies[role],
      });
      expect(list.statusCode, role).toBe(404);
    }
    const agentList = await call(t.app, "GET", "/api/v1/tokens?kind=service", undefined, {
      cookie: cookies.agent,
    });
    expect(agentList.statusCode).toBe(403);
    const adminList = await call(t.app, "GET", "/api/v1/tokens?kind=service", undefined, {
      cookie: cookies.admin,
    });
    expect(adminList.json().items.map((item: { name: string }) => item.name)).toEqual(["ERP", "BI"]);
    expect(adminList.json().serviceScopes.company).not.toContain("kb:write");
    // Personal lists hold one's own tokens only, never service tokens.
    const own = await call(t.app, "GET", "/api/v1/tokens", undefined, { cookie: cookies.admin });
    expect(own.json().items.every((item: { kind: string }) => item.kind === "personal")).toBe(true);
    expect(own.json().grantableScopes).toContain("kb:write");
    const customerOwn = await call(t.app, "GET", "/api/v1/tokens", undefined, { cookie: cookies.customer });
    expect(customerOwn.json().grantableScopes).toEqual([
      "tickets:read",
      "tickets:write",
      "kb:read",
      "companies:read",
    ]);
    expect(customerOwn.json().serviceScopes).toBeNull();
    // The accounts service tokens act through are not people: "Usuários" does not list them.
    const people = await call(t.app, "GET", "/api/v1/users?limit=100", undefined, { cookie: cookies.admin });
    expect(people.statusCode).toBe(200);
    expect(people.json().items.map((item: { name: string }) => item.name)).not.toContain("BI");
    expect(
      people
        .json()
        .items.map((item: { email: string }) => item.email)
        .join(" "),
    ).not.toContain("tokens.invalid");
  });

  it("refuses bad input field by field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scopes: [] }, "scopes"],
      [{ scopes: ["tickets:delete"] }, "scopes.0"],
      [{ scopes: ["tickets:read", "tickets:read"] }, "scopes"],
      [{ scopes: ["tickets:read"], name: "x" }, "name"],
      [{ scopes: ["tickets:read"], companyId: company.id }, "companyId"],
      [{ scopes: ["tickets:read"], expiresAt: "amanhã" }, "expiresAt"],
      [{ scopes: ["tickets:read"], expiresAt: new Date(t.clock.now() - 1000).toISOString() }, "expiresAt"],
    ];
    for (const [body, field] of cases) {
      const response = await create("admin", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
  });

  it("revokes one's own token, an admin revokes service tokens, nobody else learns of them", async () => {
    const mine = await createTokenAs(t.app, cookies.agent, { scopes: ["tickets:read"] });
    const service = await createTokenAs(t.app, cookies.admin, { kind: "service", scopes: ["tickets:read"] });
    const revoke = (role: Role, id: string) =>
      call(t.app, "DELETE", `/api/v1/tokens/${id}`, undefined, { cookie: cookies[role] });
    for (const role of ["customer", "supervisor", "admin"] as const) {
      expect((await revoke(role, mine.id)).statusCode, role).toBe(404);
    }
    for (const role of ["customer", "agent", "supervisor"] as const) {
      expect((await revoke(role, service.id)).statusCode, role).toBe(404);
    }
    expect((await revoke("agent", mine.id)).statusCode).toBe(204);
    expect((await revoke("agent", mine.id)).statusCode).toBe(404);
    expect((await revoke("admin", service.id)).statusCode).toBe(204);
    const list = await call(t.app, "GET", "/api/v1/tokens", undefined, { cookie: cookies.agent });
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(mine.id);

    const audit = await listAuditFor(t.ctx.db, "api_token", mine.id);
    expect(audit.map((entry) => [entry.action, entry.actor_id])).toEqual([
      ["api_token.created", ids.agent],
      ["api_token.revoked", ids.agent],
    ]);
    expect(audit[0]?.details).toMatchObject({ kind: "personal", scopes: ["tickets:read"] });
  });
});
