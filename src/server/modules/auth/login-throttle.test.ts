import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_ORIGIN, type TestApp } from "../../../../test/support/app";
import { loginAs, makeUser } from "../../../../test/support/factories";

const tokenOf = (url: string) => new URL(url).hash.replace("#token=", "");

function tally(responses: LightMyRequestResponse[]) {
  const byStatus = new Map<number, number>();
  for (const response of responses)
    byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
  return byStatus;
}

// The limits hold whatever the concurrency: an attempt is counted before its password is checked.
describe("sign-in throttle under concurrency", () => {
  const MAX_PER_ACCOUNT = 5;
  const MAX_PER_IP = 8;
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_PER_ACCOUNT),
        LOGIN_MAX_FAILURES_PER_IP: String(MAX_PER_IP),
        // A hundred sign-ins at once queue for PostgreSQL's small test pool: on a loaded machine the
        // default 3 s wait could answer some with 503, which is not what these tests are about.
        DATABASE_POOL_WAIT_MS: "60000",
      },
    });
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { host: "extranet.test", origin: TEST_ORIGIN },
      payload: { email, password },
      remoteAddress: ip,
    });

  it("120 parallel wrong passwords for one account: at most the limit reach a password check", async () => {
    const user = await makeUser(t.ctx, "customer");
    const responses = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        attempt(user.email, `wrong-password-${i}`, `10.9.${i >> 8}.${i & 255}`),
      ),
    );
    // Every wrong password that was checked answers 401; every refused one 429 without a check.
    expect(tally(responses)).toEqual(
      new Map([
        [401, MAX_PER_ACCOUNT],
        [429, 120 - MAX_PER_ACCOUNT],
      ]),
    );
    for (const response of responses.filter((r) => r.statusCode === 429)) {
      expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
      expect(response.json().error.code).toBe("rate_limited");
    }
    // The right password is refused too until the window passes.
    expect((await attempt(user.email, user.password, "10.9.9.9")).statusCode).toBe(429);
  });

  it("100 parallel wrong sign-ins for 100 accounts from one address: at most its limit are checked", async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt(`spray${i}@example.com.br`, "password-1", "10.8.0.1")),
    );
    expect(tally(responses)).toEqual(
      new Map([
        [401, MAX_PER_IP],
        [429, 100 - MAX_PER_IP],
      ]),
    );
  });

  it("successful sign-ins and one person's repeated typos do not use up an address's limit", async () => {
    const ip = "10.7.0.1";
    for (let i = 0; i < MAX_PER_IP + 2; i++) {
      const user = await makeUser(t.ctx, "customer");
      expect((await attempt(user.email, user.password, ip)).statusCode).toBe(200);
    }
    // Two people mistype their passwords, more often together than the address's limit.
    for (const clumsy of [await makeUser(t.ctx, "customer"), await makeUser(t.ctx, "customer")]) {
      for (let i = 0; i < MAX_PER_ACCOUNT; i++)
        expect((await attempt(clumsy.email, "wrong-password", ip)).statusCode).toBe(401);
      expect((await attempt(clumsy.email, clumsy.password, ip)).statusCode).toBe(429);
    }
    // One account's failures count once against the address: colleagues still sign in.
    const colleague = await makeUser(t.ctx, "customer");
    expect((await attempt(colleague.email, colleague.password, ip)).statusCode).toBe(200);
  });

  it("a locked account's owner gets in through a reset link issued meanwhile, and signs in at once", async () => {
    const owner = await makeUser(t.ctx, "customer");
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(owner.email, `guess-${i}`, `10.6.0.${i}`)),
    );
    expect((await attempt(owner.email, owner.password, "10.6.1.1")).statusCode).toBe(429);

    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const link = await call(t.app, "POST", `/api/v1/users/${owner.id}/password-link`, undefined, {
      cookie: admin,
    });
    expect(link.statusCode).toBe(201);
    const set = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: tokenOf(link.json().url),
      password: "uma senha nova e longa",
    });
    expect(set.statusCode).toBe(204);
    expect((await attempt(owner.email, "uma senha nova e longa", "10.6.1.1")).statusCode).toBe(200);
  });
});

// Behind a reverse proxy, the per-address limit keys by the client the proxy names, not the proxy.
describe("sign-in limits behind a reverse proxy", () => {
  const attemptVia = (t: TestApp, email: string, password: string, client: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { host: "extranet.test", origin: TEST_ORIGIN, "x-forwarded-for": client },
      payload: { email, password },
      remoteAddress: "10.0.0.2", // the proxy
    });
  const env = { LOGIN_MAX_FAILURES_PER_IP: "3" };

  it("with TRUST_PROXY, one client's failures do not lock out the others behind the same proxy", async () => {
    const t = await buildTestApp({ env: { ...env, TRUST_PROXY: "1" } });
    try {
      for (let i = 0; i < 3; i++)
        expect(
          (await attemptVia(t, `nobody${i}@example.com.br`, "x-password", "203.0.113.7")).statusCode,
        ).toBe(401);
      const user = await makeUser(t.ctx, "customer");
      expect((await attemptVia(t, user.email, user.password, "203.0.113.7")).statusCode).toBe(429);
      const signedIn = await attemptVia(t, user.email, user.password, "198.51.100.4");
      expect(signedIn.statusCode).toBe(200);
      // The session and the audit trail record the client too.
      const session = await t.ctx.db
        .selectFrom("session")
        .select("ip")
        .where("user_id", "=", user.id)
        .execute();
      expect(session).toEqual([{ ip: "198.51.100.4" }]);
      // A hop count trusts only the proxy's own entry: a client cannot pick its address by prefixing one.
      const forged = await attemptVia(t, user.email, user.password, "198.51.100.4, 203.0.113.7");
      expect(forged.statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });

  it("without TRUST_PROXY, everyone behind the proxy shares its address and its limit", async () => {
    const t = await buildTestApp({ env });
    try {
      for (let i = 0; i < 3; i++)
        await attemptVia(t, `nobody${i}@example.com.br`, "x-password", "203.0.113.7");
      const user = await makeUser(t.ctx, "customer");
      expect((await attemptVia(t, user.email, user.password, "198.51.100.4")).statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });
});
