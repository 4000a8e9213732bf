// "Usuários" in the console and "Pessoas da empresa" in the portal: filters, invitations with the
// one-time link, role changes (only an admin grants admin or supervisor; the last admin stays),
// deactivation ending sessions, reset links, sign-in locks and "desbloquear", across the roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { type BillingWorld, makeBillingWorld } from "../../../../test/support/billing";
import { letCompanyAdminsInvite, loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";

type Who = "admin" | "supervisor" | "agent" | "adminA" | "customerA" | "anonymous";
const EVERYONE: Who[] = ["admin", "supervisor", "agent", "adminA", "customerA", "anonymous"];
const MAX_FAILURES = 3;

describe("users in the console", () => {
  let w: BillingWorld;
  beforeAll(async () => {
    w = await makeBillingWorld();
  });
  afterAll(() => w.t.close());

  const as = (who: Who) => w[who];
  let sequence = 0;
  const email = () => `convidado${++sequence}.${process.pid}@example.com.br`;

  it("lists staff and customers together with their company, filtered by role, company, active and text", async () => {
    const expected = { admin: 200, supervisor: 200, agent: 200, adminA: 200, customerA: 403, anonymous: 401 };
    for (const who of EVERYONE) {
      expect((await as(who).get("/api/v1/users?limit=100")).statusCode, who).toBe(expected[who]);
    }
    const all = (await w.agent.get("/api/v1/users?limit=100")).json().items;
    const roles = new Set(all.map((u: { role: string }) => u.role));
    expect(roles).toEqual(new Set(["customer", "customer_admin", "agent", "supervisor", "admin"]));
    const fernanda = all.find((u: { name: string }) => u.name === "Fernanda Lima");
    expect(fernanda).toMatchObject({ companyName: w.companyA.name, lockedUntil: null });
    expect(fernanda.lastLoginAt).not.toBeNull();

    const names = async (query: string, who: Who = "agent") =>
      (await as(who).get(`/api/v1/users?limit=100&${query}`))
        .json()
        .items.map((u: { name: string }) => u.name);
    expect(await names("role=supervisor")).toEqual(["Carlos Menezes"]);
    expect(await names(`companyId=${w.companyA.id}`)).toEqual(["Bruno Carvalho", "Fernanda Lima"]);
    expect(await names("q=JULIANA")).toEqual(["Juliana Prado"]);
    expect(await names(`q=${w.customerA.user.email.slice(0, 12)}`)).toContain("Fernanda Lima");
    expect(await names("active=false")).toEqual([]);
    // A company's admin sees only its company whatever it asks, and no sign-in locks.
    const own = (await w.adminA.get("/api/v1/users?limit=100")).json().items;
    expect(own.every((u: { companyId: string }) => u.companyId === w.companyA.id)).toBe(true);
    expect(own[0]).not.toHaveProperty("lockedUntil");
    expect((await w.adminA.get(`/api/v1/users?companyId=${w.companyB.id}`)).statusCode).toBe(404);
    const bad = await w.agent.get("/api/v1/users?role=owner&active=yes");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(["role", "active"]));
  });

  it("invites with the one-time link to copy now; staff accounts only by an admin; a duplicate e-mail is 409 on the field", async () => {
    const customer = (companyId = w.companyA.id) => ({
      name: "Carla Dias",
      email: email(),
      role: "customer",
      companyId,
    });
    const expected = { admin: 201, supervisor: 201, agent: 201, adminA: 403, customerA: 403, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).post("/api/v1/users", customer());
      expect(response.statusCode, who).toBe(expected[who]);
      if (response.statusCode === 201)
        expect(response.json().setPasswordLink.url).toContain("/set-password#token=");
    }
    const staff = { name: "Rafael Souza", email: email(), role: "supervisor" };
    expect((await w.supervisor.post("/api/v1/users", staff)).statusCode).toBe(403);
    expect((await w.agent.post("/api/v1/users", staff)).statusCode).toBe(403);
    expect((await w.admin.post("/api/v1/users", staff)).statusCode).toBe(201);
    const duplicate = await w.admin.post("/api/v1/users", { ...customer(), email: w.customerA.user.email });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: "user.email_taken",
      fields: { email: "Já existe um usuário com este e-mail." },
    });
    const invalid = await w.admin.post("/api/v1/users", {
      name: "",
      email: "não é e-mail",
      role: "customer",
    });
    expect(invalid.statusCode).toBe(400);
    expect(Object.keys(invalid.json().error.fields)).toEqual(expect.arrayContaining(["name", "email"]));
    const noCompany = await w.admin.post("/api/v1/users", {
      name: "Sem Empresa",
      email: email(),
      role: "customer",
    });
    expect(noCompany.statusCode).toBe(422);
  });

  it("changes roles: staff roles only by an admin, never across sides, audited before → after", async () => {
    const target = await makeUser(w.t.ctx, "agent", { name: "Paula Nunes" });
    const customer = await makeUser(w.t.ctx, "customer", { company: w.companyA });
    const expected = { admin: 200, supervisor: 403, agent: 403, adminA: 404, customerA: 404, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).patch(`/api/v1/users/${target.id}`, { role: "supervisor" });
      expect(response.statusCode, who).toBe(expected[who]);
    }
    // An agent may manage a customer, but not hand out a staff role; and no side change at all.
    expect((await w.agent.patch(`/api/v1/users/${customer.id}`, { role: "customer_admin" })).statusCode).toBe(
      200,
    );
    expect((await w.supervisor.patch(`/api/v1/users/${customer.id}`, { role: "admin" })).statusCode).toBe(
      403,
    );
    const across = await w.admin.patch(`/api/v1/users/${customer.id}`, { role: "agent" });
    expect(across.statusCode).toBe(422);
    expect(across.json().error.code).toBe("user.role_side");
    const audit = await listAuditFor(w.t.ctx.db, "user", target.id);
    expect(audit.at(-1)).toMatchObject({
      action: "user.role_changed",
      details: { changes: { role: { before: "agent", after: "supervisor" } } },
    });
  });

  it("deactivating ends the sessions at once (the old cookie gets 401); reactivating lets the person sign in again", async () => {
    const person = await makeUser(w.t.ctx, "customer", { company: w.companyA });
    const cookie = await loginAs(w.t.app, person);
    const expected = { admin: 200, supervisor: 200, agent: 200, adminA: 403, customerA: 403, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).patch(`/api/v1/users/${person.id}`, { active: true });
      expect(response.statusCode, who).toBe(expected[who]);
    }
    expect((await w.agent.patch(`/api/v1/users/${person.id}`, { active: false })).statusCode).toBe(200);
    expect((await call(w.t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
    const login = { email: person.email, password: person.password };
    expect((await call(w.t.app, "POST", "/api/v1/auth/login", login)).statusCode).toBe(401);
    const audit = await listAuditFor(w.t.ctx.db, "user", person.id);
    expect(audit.at(-1)).toMatchObject({
      action: "user.deactivated",
      details: { changes: { active: { before: true, after: false } } },
    });
    expect((await w.agent.patch(`/api/v1/users/${person.id}`, { active: true })).statusCode).toBe(200);
    expect((await call(w.t.app, "POST", "/api/v1/auth/login", login)).statusCode).toBe(200);
  });

  it("issues a reset link to staff only; a company's admin never holds a colleague's link", async () => {
    const person = await makeUser(w.t.ctx, "customer", { company: w.companyA });
    const expected = { admin: 201, supervisor: 201, agent: 201, adminA: 404, customerA: 403, anonymous: 401 };
    for (const who of EVERYONE) {
      const response = await as(who).post(`/api/v1/users/${person.id}/password-link`);
      expect(response.statusCode, who).toBe(expected[who]);
    }
    const link = (await w.admin.post(`/api/v1/users/${person.id}/password-link`)).json();
    expect(link.url).toContain("/set-password#token=");
  });
});

describe("sign-in locks and the last admin", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES) } });
  });
  afterAll(() => t.close());

  it("shows a throttled account as locked until the window ends, and staff lift it with desbloquear", async () => {
    const admin = await makeUser(t.ctx, "admin");
    const adminCookie = await loginAs(t.app, admin);
    const agentCookie = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const company = await makeCompany(t.ctx);
    const companyAdmin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    const person = await makeUser(t.ctx, "customer", { company });
    for (let i = 0; i < MAX_FAILURES; i++) {
      const wrong = await call(t.app, "POST", "/api/v1/auth/login", {
        email: person.email,
        password: `errada-${i}`,
      });
      expect(wrong.statusCode).toBe(401);
    }
    const login = { email: person.email, password: person.password };
    expect((await call(t.app, "POST", "/api/v1/auth/login", login)).statusCode).toBe(429);
    const seen = await call(t.app, "GET", `/api/v1/users/${person.id}`, undefined, { cookie: agentCookie });
    expect(Date.parse(seen.json().lockedUntil)).toBeGreaterThan(t.clock.now());

    const unlock = (cookie?: string) =>
      call(t.app, "POST", `/api/v1/users/${person.id}/unlock`, undefined, { cookie });
    expect((await unlock()).statusCode).toBe(401);
    expect((await unlock(companyAdmin)).statusCode).toBe(404);
    const done = await unlock(agentCookie);
    expect(done.statusCode).toBe(200);
    expect(done.json().lockedUntil).toBeNull();
    expect((await call(t.app, "POST", "/api/v1/auth/login", login)).statusCode).toBe(200);
    expect((await listAuditFor(t.ctx.db, "user", person.id)).at(-1)?.action).toBe("user.unlocked");
    // Staff accounts are the admin's to unlock.
    const staff = await makeUser(t.ctx, "supervisor");
    const byAgent = await call(t.app, "POST", `/api/v1/users/${staff.id}/unlock`, undefined, {
      cookie: agentCookie,
    });
    expect(byAgent.statusCode).toBe(403);
    const byAdmin = await call(t.app, "POST", `/api/v1/users/${staff.id}/unlock`, undefined, {
      cookie: adminCookie,
    });
    expect(byAdmin.statusCode).toBe(200);
  });

  it("refuses to demote or deactivate the last active admin with a clear 409", async () => {
    // Every admin made so far steps down but one.
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("role", "=", "admin").execute();
    const last = await makeUser(t.ctx, "admin");
    const lastCookie = await loginAs(t.app, last);
    const other = await makeUser(t.ctx, "admin");
    const otherCookie = await loginAs(t.app, other);
    // Two admins: one may be demoted; then the other is the last.
    const demoted = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${other.id}`,
      { role: "supervisor" },
      { cookie: lastCookie },
    );
    expect(demoted.statusCode).toBe(200);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: otherCookie })).json().role).toBe(
      "supervisor",
    );
    for (const change of [{ role: "agent" }, { active: false }]) {
      const refused = await call(t.app, "PATCH", `/api/v1/users/${last.id}`, change, { cookie: lastCookie });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: "user.last_admin",
        message: expect.stringContaining("última conta de administrador ativa"),
      });
    }
    const stillAdmin = await t.ctx.db
      .selectFrom("app_user")
      .select(["role", "active"])
      .where("id", "=", last.id)
      .executeTakeFirst();
    expect(stillAdmin).toEqual({ role: "admin", active: 1 });
    // With another active admin, the same changes go through (and one's own deactivation stays refused).
    const next = await makeUser(t.ctx, "admin");
    const nextCookie = await loginAs(t.app, next);
    const selfOff = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${last.id}`,
      { active: false },
      { cookie: lastCookie },
    );
    expect(selfOff.statusCode).toBe(422);
    const byOther = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${last.id}`,
      { active: false },
      { cookie: nextCookie },
    );
    expect(byOther.statusCode).toBe(200);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: lastCookie })).statusCode).toBe(401);
  });
});

describe("Pessoas da empresa (a company's admin)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("invites and deactivates colleagues only while the setting allows it, and only in its own company", async () => {
    const a = await makeCompany(t.ctx, { name: "Alfa Ltda" });
    const b = await makeCompany(t.ctx, { name: "Beta Ltda" });
    const adminA = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: a }));
    const colleague = await makeUser(t.ctx, "customer", { company: a });
    const colleagueCookie = await loginAs(t.app, colleague);
    const stranger = await makeUser(t.ctx, "customer", { company: b });
    const invite = (companyId: string, role = "customer") =>
      call(
        t.app,
        "POST",
        "/api/v1/users",
        {
          name: "Carla Dias",
          email: `carla.${role}.${companyId.slice(0, 6)}@example.com.br`,
          role,
          companyId,
        },
        { cookie: adminA },
      );

    await letCompanyAdminsInvite(t.ctx, false);
    expect(
      (await call(t.app, "GET", "/api/v1/me", undefined, { cookie: adminA })).json().abilities
        .manageCompanyPeople,
    ).toBe(false);
    expect((await invite(a.id)).statusCode).toBe(403);
    expect(
      (await call(t.app, "PATCH", `/api/v1/users/${colleague.id}`, { active: false }, { cookie: adminA }))
        .statusCode,
    ).toBe(403);
    // Reading the company's people stays allowed.
    expect((await call(t.app, "GET", "/api/v1/users", undefined, { cookie: adminA })).statusCode).toBe(200);

    await letCompanyAdminsInvite(t.ctx, true);
    expect(
      (await call(t.app, "GET", "/api/v1/me", undefined, { cookie: adminA })).json().abilities
        .manageCompanyPeople,
    ).toBe(true);
    const invited = await invite(a.id);
    expect(invited.statusCode).toBe(202);
    expect(invited.json()).toEqual({ status: "invited", email: expect.any(String) });
    expect((await invite(a.id, "customer_admin")).statusCode).toBe(403);
    expect((await invite(b.id)).statusCode).toBe(404);
    expect(
      (await call(t.app, "PATCH", `/api/v1/users/${stranger.id}`, { active: false }, { cookie: adminA }))
        .statusCode,
    ).toBe(404);
    const deactivated = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${colleague.id}`,
      { active: false },
      { cookie: adminA },
    );
    expect(deactivated.statusCode).toBe(200);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: colleagueCookie })).statusCode).toBe(
      401,
    );
    // Promoting a colleague to company admin is the support team's.
    expect(
      (
        await call(
          t.app,
          "PATCH",
          `/api/v1/users/${colleague.id}`,
          { role: "customer_admin" },
          { cookie: adminA },
        )
      ).statusCode,
    ).toBe(403);
  });
});
