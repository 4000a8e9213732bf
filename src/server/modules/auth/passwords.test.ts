import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, call, sessionCookieOf, TEST_ORIGIN, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";

const tokenOf = (url: string) => new URL(url).hash.replace("#token=", "");

describe("passwords through one-time links", () => {
  let t: TestApp;
  let adminCookie: string;
  let companyId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    companyId = (await makeCompany(t.ctx)).id;
  });
  // Some tests move the clock by days: sign in afresh each time.
  beforeEach(async () => {
    adminCookie = await loginAs(t.app, await makeUser(t.ctx, "admin"));
  });
  afterAll(() => t.close());

  async function newCustomer(email: string) {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Bruno Carvalho", email, role: "customer", companyId },
      { cookie: adminCookie },
    );
    expect(response.statusCode).toBe(201);
    return response.json() as {
      user: { id: string; hasPassword: boolean };
      setPasswordLink: { url: string; expiresAt: string };
    };
  }

  it("a new user sets a password once through the link, then signs in", async () => {
    const created = await newCustomer("bruno.link@example.com.br");
    expect(created.user.hasPassword).toBe(false);
    expect(created.setPasswordLink.url).toMatch(
      new RegExp(`^${TEST_ORIGIN}/set-password#token=[A-Za-z0-9_-]{43}$`),
    );
    expect(Date.parse(created.setPasswordLink.expiresAt) - t.clock.now()).toBe(72 * 3600_000);

    // No password yet: signing in fails like any wrong password.
    const early = await call(t.app, "POST", "/api/v1/auth/login", {
      email: "bruno.link@example.com.br",
      password: "x",
    });
    expect(early.statusCode).toBe(401);

    const token = tokenOf(created.setPasswordLink.url);
    const set = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token,
      password: "uma senha bem longa",
    });
    expect(set.statusCode).toBe(204);
    const login = await call(t.app, "POST", "/api/v1/auth/login", {
      email: "bruno.link@example.com.br",
      password: "uma senha bem longa",
    });
    expect(login.statusCode).toBe(200);

    const again = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token,
      password: "outra senha bem longa",
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("auth.invalid_link");

    const audit = await listAuditFor(t.ctx.db, "user", created.user.id);
    expect(audit.map((a) => a.action)).toEqual([
      "user.created",
      "user.set_password_link",
      "user.password_set",
    ]);
  });

  it("refuses an expired link", async () => {
    const created = await newCustomer("expira@example.com.br");
    t.clock.advance(72 * 3600_000 + 1);
    const response = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: tokenOf(created.setPasswordLink.url),
      password: "uma senha bem longa",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      "Este link é inválido, já foi usado ou expirou. Peça um novo à equipe de suporte.",
    );
  });

  it("a new link voids the earlier one; a reset link ends every session", async () => {
    const created = await newCustomer("reset@example.com.br");
    const first = tokenOf(created.setPasswordLink.url);
    await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: first,
      password: "primeira senha longa",
    });
    const cookie = await loginAs(t.app, { email: "reset@example.com.br", password: "primeira senha longa" });

    const link1 = await call(t.app, "POST", `/api/v1/users/${created.user.id}/password-link`, undefined, {
      cookie: adminCookie,
    });
    const link2 = await call(t.app, "POST", `/api/v1/users/${created.user.id}/password-link`, undefined, {
      cookie: adminCookie,
    });
    expect(link1.statusCode).toBe(201);
    // A reset link (the account has a password) lives for an hour by default.
    expect(Date.parse(link2.json().expiresAt) - t.clock.now()).toBe(60 * 60_000);

    const stale = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: tokenOf(link1.json().url),
      password: "segunda senha longa",
    });
    expect(stale.statusCode).toBe(400);
    const fresh = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: tokenOf(link2.json().url),
      password: "segunda senha longa",
    });
    expect(fresh.statusCode).toBe(204);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
  });

  it("refuses a short password with a field message", async () => {
    const created = await newCustomer("curta@example.com.br");
    const response = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: tokenOf(created.setPasswordLink.url),
      password: "curta",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ password: "Deve ter pelo menos 10 caracteres." });
  });
});

describe("changing one's own password", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("re-authenticates, ends every other session and hands this client a fresh one", async () => {
    const user = await makeUser(t.ctx, "customer");
    const here = await loginAs(t.app, user);
    const elsewhere = await loginAs(t.app, user);

    const wrong = await call(
      t.app,
      "POST",
      "/api/v1/me/password",
      { currentPassword: "not-it", newPassword: "nova senha bem longa" },
      { cookie: here },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("auth.wrong_password");

    const changed = await call(
      t.app,
      "POST",
      "/api/v1/me/password",
      { currentPassword: user.password, newPassword: "nova senha bem longa" },
      { cookie: here },
    );
    expect(changed.statusCode).toBe(200);
    const renewed = sessionCookieOf(changed);
    expect(renewed).not.toBe(here);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: here })).statusCode).toBe(401);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: elsewhere })).statusCode).toBe(401);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: renewed })).statusCode).toBe(200);
    expect(
      (await call(t.app, "POST", "/api/v1/auth/login", { email: user.email, password: user.password }))
        .statusCode,
    ).toBe(401);
  });

  it("needs a session", async () => {
    const response = await call(t.app, "POST", "/api/v1/me/password", {
      currentPassword: "whatever",
      newPassword: "nova senha bem longa",
    });
    expect(response.statusCode).toBe(401);
  });
});
