import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, sessionCookieOf, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";

const MINUTE = 60_000;

describe("sign-in and sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: "3", LOGIN_MAX_FAILURES_PER_IP: "8" } });
  });
  afterAll(() => t.close());

  it("signs in case-insensitively and sets an httpOnly, SameSite=Lax session cookie", async () => {
    const user = await makeUser(t.ctx, "customer");
    const response = await call(t.app, "POST", "/api/v1/auth/login", {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, email: user.email, role: "customer" });
    const cookie = response.cookies.find((c) => c.name === "extranet_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url

    const me = await call(t.app, "GET", "/api/v1/me", undefined, { cookie: sessionCookieOf(response) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, company: { id: user.company_id }, previousLoginAt: null });
    t.clock.advance(60_000);
    const second = await loginAs(t.app, user);
    const again = await call(t.app, "GET", "/api/v1/me", undefined, { cookie: second });
    // "Último acesso" is the sign-in before this one.
    expect(again.json().previousLoginAt).toBe(new Date(t.clock.now() - 60_000).toISOString());
  });

  it("stores only the token's hash, never the token", async () => {
    const user = await makeUser(t.ctx, "agent");
    const cookie = await loginAs(t.app, user);
    const token = cookie.split("=")[1] ?? "";
    const rows = await t.ctx.db.selectFrom("session").select("id").where("user_id", "=", user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("marks the cookie Secure behind an https proxy that is trusted", async () => {
    // No public URL: the origin (for CSRF) is the forwarded one.
    const proxied = await buildTestApp({ env: { TRUST_PROXY: "true", EXTRANET_PUBLIC_URL: "" } });
    try {
      const user = await makeUser(proxied.ctx, "agent");
      const response = await call(
        proxied.app,
        "POST",
        "/api/v1/auth/login",
        { email: user.email, password: user.password },
        { headers: { "x-forwarded-proto": "https", origin: "https://extranet.test" } },
      );
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === "extranet_session")?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it("answers a wrong password, an unknown e-mail and a disabled account alike", async () => {
    const user = await makeUser(t.ctx, "customer");
    const disabled = await makeUser(t.ctx, "customer");
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("id", "=", disabled.id).execute();
    const answers = await Promise.all([
      call(t.app, "POST", "/api/v1/auth/login", { email: user.email, password: "not-the-password" }),
      call(t.app, "POST", "/api/v1/auth/login", { email: "nobody@example.com.br", password: "whatever-123" }),
      call(t.app, "POST", "/api/v1/auth/login", { email: disabled.email, password: disabled.password }),
    ]);
    for (const response of answers) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: "auth.invalid_credentials", message: "E-mail ou senha incorretos." },
      });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it("refuses users of a deactivated company, and ends their open sessions", async () => {
    const company = await makeCompany(t.ctx);
    const user = await makeUser(t.ctx, "customer", { company });
    const cookie = await loginAs(t.app, user);
    await t.ctx.db.updateTable("company").set({ active: 0 }).where("id", "=", company.id).execute();
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
    const again = await call(t.app, "POST", "/api/v1/auth/login", {
      email: user.email,
      password: user.password,
    });
    expect(again.statusCode).toBe(401);
  });

  it("opens a new session at every sign-in (no fixation) and ends only this one at sign-out", async () => {
    const user = await makeUser(t.ctx, "customer");
    const first = await loginAs(t.app, user);
    const second = await loginAs(t.app, user);
    expect(first).not.toBe(second);

    const logout = await call(t.app, "POST", "/api/v1/auth/logout", undefined, { cookie: first });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === "extranet_session")?.value).toBe("");
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: first })).statusCode).toBe(401);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: second })).statusCode).toBe(200);
  });

  it("ignores a session cookie it did not issue", async () => {
    const response = await call(t.app, "GET", "/api/v1/me", undefined, { cookie: "extranet_session=forged" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("unauthenticated");
  });

  it("expires a session after the idle timeout, and keeps it alive while used", async () => {
    const user = await makeUser(t.ctx, "agent");
    const cookie = await loginAs(t.app, user);
    const idle = t.ctx.config.session.idleMinutes * MINUTE;
    t.clock.advance(idle - MINUTE);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(200);
    t.clock.advance(idle - MINUTE); // idle since the last request only
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(200);
    t.clock.advance(idle + MINUTE);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
    const left = await t.ctx.db.selectFrom("session").select("id").where("user_id", "=", user.id).execute();
    expect(left).toHaveLength(0);
  });

  it("expires a session at the absolute timeout even while in use", async () => {
    const user = await makeUser(t.ctx, "agent");
    const cookie = await loginAs(t.app, user);
    const absolute = t.ctx.config.session.absoluteHours * 60 * MINUTE;
    const step = 30 * MINUTE;
    let elapsed = 0;
    while (elapsed + step < absolute) {
      t.clock.advance(step);
      elapsed += step;
      expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(200);
    }
    t.clock.advance(step);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
  });
});

describe("sign-in rate limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        LOGIN_MAX_FAILURES_PER_ACCOUNT: "3",
        LOGIN_MAX_FAILURES_PER_IP: "6",
        LOGIN_WINDOW_MINUTES: "15",
      },
    });
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip = "10.0.0.1") =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { host: "extranet.test", origin: "http://extranet.test" },
      payload: { email, password },
      remoteAddress: ip,
    });

  it("locks an account after repeated failures, even for the right password, with Retry-After", async () => {
    const user = await makeUser(t.ctx, "customer");
    for (let i = 0; i < 3; i++)
      expect((await attempt(user.email, "wrong-password", `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await attempt(user.email, user.password, "10.1.0.99");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(locked.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    expect(locked.json().error).toEqual({
      code: "rate_limited",
      message: "Muitas tentativas. Tente novamente em 15 min.",
    });

    t.clock.advance(15 * MINUTE + 1000);
    expect((await attempt(user.email, user.password, "10.1.0.99")).statusCode).toBe(200);
  });

  it("a successful sign-in clears the account's failures", async () => {
    const user = await makeUser(t.ctx, "customer");
    for (let i = 0; i < 2; i++) await attempt(user.email, "wrong-password", "10.2.0.1");
    expect((await attempt(user.email, user.password, "10.2.0.2")).statusCode).toBe(200);
    for (let i = 0; i < 2; i++)
      expect((await attempt(user.email, "wrong-password", "10.2.0.3")).statusCode).toBe(401);
    expect((await attempt(user.email, user.password, "10.2.0.4")).statusCode).toBe(200);
  });

  it("limits one address guessing many accounts", async () => {
    for (let i = 0; i < 6; i++) {
      expect((await attempt(`guess${i}@example.com.br`, "password-1", "10.3.0.1")).statusCode).toBe(401);
    }
    const user = await makeUser(t.ctx, "customer");
    expect((await attempt(user.email, user.password, "10.3.0.1")).statusCode).toBe(429);
    expect((await attempt(user.email, user.password, "10.3.0.2")).statusCode).toBe(200);
  });
});
